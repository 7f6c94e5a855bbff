// wink-nlp loads its model once per process; documents are cheap after that.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const nlp = winkNLP(model);
export const its = nlp.its;
export const as = nlp.as;
