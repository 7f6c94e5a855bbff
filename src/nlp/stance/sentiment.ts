// wink-nlp sentiment of a quote, kept apart from stance. A second wink instance over the same model runs only the
// steps sentiment needs (sentence breaks, negation, sentiment): the same score at about half the cost of a full readDoc.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let lite: ReturnType<typeof winkNLP> | null = null;

export function sentimentOf(text: string): number {
  lite ??= winkNLP(model, ['sbd', 'negation', 'sentiment']);
  return lite.readDoc(text).out(lite.its.sentiment) as number;
}
