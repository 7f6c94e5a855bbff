// Word lists for the grammar of English news attribution. Data, not logic: extend here.

/** Verbs that report speech only with "that": participles ("with inspectors finding that …") and "tell" ("Inspectors tell me that …"). */
// "judged" too: "Councils judged inadequate receive …" is a rating, "Inspectors judged that …" a report.
// Plural present forms ("The figures show that …", "Latest outcomes reveal that …") too; after a modal or "to" they are
// obligations, not reports ("councils must show that …"; see findCues).
export const PLURAL_THAT_VERBS = ['show', 'reveal', 'indicate', 'confirm', 'highlight', 'note', 'recommend', 'demonstrate', 'demonstrates', 'demonstrated'];
const THAT_ONLY = ['finding', 'saying', 'warning', 'arguing', 'claiming', 'insisting', 'adding', 'suggesting', 'noting', 'stating', 'concluding', 'tell', 'judged', 'stress', 'emphasise', 'emphasize', 'make clear', 'point out', ...PLURAL_THAT_VERBS];
export const THAT_ONLY_CUES = new Set(THAT_ONLY);

/** Speech verbs whose complement is the reported content ("X said (that) …"). */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'warned', 'warns', 'argued', 'argues', 'claimed', 'claims', 'insisted', 'insists',
  'admitted', 'admits', 'conceded', 'concedes', 'acknowledged', 'acknowledges', 'suggested', 'suggests', 'stressed', 'stresses',
  'explained', 'explains', 'believes', 'believed', 'revealed', 'reveals', 'found', 'finds', 'concluded', 'concludes',
  'reported', 'stated', 'declared', 'declares', 'maintained', 'maintains', 'emphasised', 'emphasises', 'emphasized',
  'pointed out', 'points out', 'continued', 'commented', 'remarked', 'observed', 'announced', 'announces', 'confirmed', 'confirms',
  'predicted', 'predicts', 'recommended', 'recommends', 'highlighted', 'highlights', 'accepted', 'accepts', 'agreed', 'agrees',
  'responded', 'replied', 'wrote', 'writes', 'cautioned', 'complained', 'alleged', 'asserted', 'contended', 'countered',
  'told', 'tells', 'hit back', 'went on', 'noted', 'asked', 'urged', 'urges', 'protested', 'retorted', 'recalled', 'feared', 'fears',
  'pledged', 'promised', 'vowed', 'signalled', 'indicated', 'hinted', 'estimated', 'showed', 'shows', 'identified', 'judged',
  'reiterated', 'repeated', 'underlined', 'outlined', 'disclosed', 'denied', 'disputed', 'demanded', 'thinks', 'felt', 'feels',
  'hopes', 'hoped', 'expects', 'warn', 'argue', 'claim', 'insist', 'admit', 'believe', 'suggest', 'fear', 'acknowledge', 'accept', 'conclude', 'find',
  'proposes', 'proposed', 'propose', 'states', 'tweeted', 'posted', 'pleaded', 'quipped', 'joked',
  // "X is quoted as saying …", "was reported as saying": the passive before it is stripped with the auxiliaries.
  'as saying', 'puts it', 'put it',
  ...THAT_ONLY,
];

/** Verbs whose reported content starts at their object ("described X as …", "called the framework 'flawed'"). */
export const OBJECT_VERBS = [
  'described', 'describes', 'called', 'calls', 'criticised', 'criticises', 'criticized', 'blamed', 'blames', 'branded', 'brands',
  'slammed', 'slams', 'welcomed', 'welcomes', 'questioned', 'questions', 'attacked', 'attacks', 'condemned', 'condemns',
  'praised', 'praises', 'dismissed', 'dismisses', 'defended', 'defends', 'labelled', 'labeled', 'charged', 'accused', 'accuses',
  'expressed concern about', 'expressed concern over', 'expressed concerns about', 'raised concerns about', 'called for', 'calls for',
  'called on', 'calls on', 'called upon', 'calling on', 'calling for', 'urged', 'urging', 'rejected', 'rejects', 'hailed', 'hails', 'lambasted', 'blasted', 'hit out at',
];

/** Object verbs whose object, without quoted words, only names what was talked about. */
export const NP_SUMMARY = /^(?:hailed|hails|lambasted|blasted|hit out at|criticised|criticises|criticized|blamed|blames|slammed|slams|welcomed|welcomes|questioned|questions|attacked|attacks|condemned|condemns|praised|praises|dismissed|dismisses|defended|defends|rejected|rejects|accused|accuses|charged|expressed concerns? (?:about|over)|raised concerns about)$/;

/** Verbs of attitude: a group that fears or believes something is the reporter's summary of a mood, not a statement. */
export const ATTITUDE_VERBS = /^(?:fear|fears|feared|believe|believes|believed|feel|feels|felt|hope|hopes|hoped|think|thinks|expect|expects)$/;

/** Passive reporting ("leaders were called upon to …"): the agent is found from context. */
export const PASSIVE_CUE = /\b(?:was|were|has been|have been|had been|is being|are being)\s+(?:called upon|called on|urged|told|warned|asked|challenged)\s+(?=to\b)/;

/** Auxiliaries and adverbs that may sit between the subject and the verb (lower case only: "Long" may be a surname). */
export const AUX = '(?:has|have|had|also|did|does|do|would|will|then|later|again|previously|recently|further|yesterday|today|(?:last|this|earlier\\s+this)\\s+(?:week|month|year|spring|summer|autumn|winter)|in\\s+(?:19|20)\\d\\d|in\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\\s+(?:19|20)\\d\\d)?|went\\s+on\\s+to|has\\s+since|once|long|repeatedly|consistently|always|often|now|already|still|publicly|privately|first|separately|subsequently|since|earlier|initially|originally|strongly|firmly|clearly|openly|specifically|previously|(?:is|was|were|are|has\\s+been|have\\s+been|had\\s+been)\\s+(?:quoted|reported|recorded|heard|understood)|(?:is|was|were|are)\\s+(?:keen|quick|careful|eager|anxious|at\\s+pains|expected|set|due|likely|going)\\s+to|is|are|was|were)';

export const TITLES = ['Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron', 'Cllr', 'Councillor', 'Professor', 'Prof', 'Dr', 'Mr', 'Mrs', 'Ms', 'Miss', 'Rev', 'Revd', 'Judge', 'Justice'];
export const MALE_TITLES = new Set(['Sir', 'Lord', 'Baron', 'Mr']);
export const FEMALE_TITLES = new Set(['Dame', 'Lady', 'Baroness', 'Mrs', 'Ms', 'Miss']);
export const POST_NOMINALS = new Set(['MP', 'MSP', 'AM', 'MEP', 'OBE', 'CBE', 'MBE', 'DBE', 'KBE', 'QC', 'KC', 'PhD', 'JP', 'FRS']);

/** Capitalised words that never start or belong to a person's name. */
export const NOT_NAME = new Set(`The A An And But Or However Meanwhile Instead Also In At On For From To Of By With As After Before When While Asked
Speaking Appearing Responding Writing Commenting Asked This That These Those It He She They We I You His Her Their Our Its My Your Mr
Committee Council Councils County Borough City Department Government Association Society Union Services Service Board Trust Agency Office
Commission College University School Schools Academy Institute Foundation Charity Authority Authorities Local National Education Children
Children's Children’s Social Care Chief Executive Executives Director Directors President Vice Chair Chairman Chairwoman Minister Secretary
Labour Conservative Conservatives Tory Tories Liberal Democrat Democrats Green Reform Independent MPs Parliament House Commons Lords England English Britain
British UK Wales Welsh Scotland Scottish London Northern Ireland January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Ofsted Select Inspector Inspectors Inspectorate Report Review Policy Public
Head Senior Deputy Assistant Member Members Spokesman Spokeswoman Spokesperson Picture Photograph Photo Image Credit Read Share Sign Related
Top Our Download Subscribe Latest Archive Unlimited Themed From Already Please Click Follow Twitter Facebook LinkedIn Email Professor Prof Dr
Cllr Councillor Sir Dame Lord Lady Baroness Mrs Ms Miss State Prime Shadow Home Health NHS Court Judge Justice Group Network Partnership Team
Commissioner Commissioners Ombudsman Registrar High Crown Appeal North South East West Northern Southern Eastern Western Midlands Central Greater Primary Secondary Infant Junior Nursery Grammar Comprehensive What Why How Who Where When Which General Joint Acting Interim Managing Principal Strategic Corporate Regional Programme Operations Centre Center Fund Forum Unit Ministry Alliance Federation Coalition Institute Society Each Every Some Many Most All Both Neither Either No Not`.split(/\s+/));

/** Nouns for a source that speaks for an institution ("the report found", "inspectors said"). */
export const INSTITUTION_NOUNS: Record<string, string> = {
  inspectors: 'inspectors', inspectorate: 'inspectorate', inspectorates: 'inspectorates', consultation: 'consultation', watchdog: 'watchdog', regulator: 'regulator',
  report: 'report', review: 'review', study: 'study', survey: 'survey', research: 'research', analysis: 'analysis', figures: 'figures', outcomes: 'outcomes', results: 'results',
  data: 'data', poll: 'poll', audit: 'audit', statistics: 'statistics', evaluation: 'evaluation', findings: 'findings', ombudsman: 'ombudsman', inquiry: 'inquiry', guidance: 'guidance',
  letter: 'letter', paper: 'paper', briefing: 'briefing', signatories: 'letter', inspection: 'inspection',
};

/** Nouns that refer back to an organisation already in play ("the union said"), with the kinds they fit (null: any). */
export const GENERIC_ORG_NOUNS: Record<string, string[] | null> = {
  union: ['union'], charity: ['charity'], association: ['professional body', 'local government body'], society: ['professional body', 'charity'],
  department: ['government department'], government: ['government department'], committee: ['parliament'], regulator: ['regulator', 'inspectorate'],
  organisation: null, organization: null, body: null, group: null, council: null, authority: null, college: ['professional body'],
  spokesperson: null, spokesman: null, spokeswoman: null,
  trust: null, foundation: null, partnership: null, network: null, forum: null, panel: null, board: null,
};

/** Words for someone speaking for an organisation ("a spokesperson for BASW"). */
/** Short comma-bounded asides between a subject and its verb ("ADCS, for its part, has argued"). */
export const SUBJECT_ASIDE = /,\s*(?:for (?:its|his|her|their|our) part|however|meanwhile|too|in turn|though|in particular|by contrast|in contrast|in response|in a statement|for example|for instance|in (?:a|an|her|his|its|their|the) (?:[a-z-]+ ){0,2}(?:letter|statement|interview|blog|speech|submission|report|evidence|response|review)\b[^,]*|(?:speaking|writing|responding|commenting) [^,]*|(?:published|released|issued|based on|seen by|compiled by|drawn from) [^,]*)\s*(?=,)/gi;

export const SPOKES_NOUNS = /\b(?:spokesperson|spokesman|spokeswoman|spokespeople|representative|source|statement)\b/i;

/** Generic "leader of" nouns: "the head of Ofsted", "the Ofsted boss" mean the organisation's leader role. */
export const LEADER_NOUNS = /^(?:head|boss|chief|leader)$/i;

/** Role words of an academic, whose organisation is `University` when none is named. */
export const ACADEMIC_ROLE = /\b(?:professor|prof|lecturer|academic|researcher|reader in|emeritus)\b/i;

/** Role words of an MP, whose organisation is `Parliament`. */
export const MP_ROLE = /\b(?:MP|MPs|member of parliament|select committee|committee member|committee chair)\b/i;

export const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'cllr', 'rev', 'revd', 'no', 'vs', 'v', 'e.g', 'i.e', 'etc', 'inc', 'ltd', 'co', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gov', 'govt', 'approx', 'fig', 'cf']);

/** Lines of page furniture (adverts, share bars, credits) that a quote may run across. */
export const FURNITURE = /^(?:advertisement|advert|read more\b|related\b|related stories|related articles|subscribe\b|sign up\b|share\b|continue reading|story continues|skip advert|most read|popular\b|top stories|you may also like|recommended\b|click here|follow us|image:|picture:|photograph:|photo:|credit:)/i;

/**
 * Furniture that ends the story proper (a subset of FURNITURE's lines, plus short ones like "Latest"): teasers and boxes
 * after it name people who are not in the story, and a quote left open before it does not run on into them.
 */
export const ARTICLE_END = /^(?:related|read more|more on|more from|most read|you may also|explore more|recommended|subscribe|sign up|latest|popular|jobs?\b)/i;

/** Marks a paragraph as a photo caption. */
export const CAPTION_CREDIT = /\b(?:Picture|Photograph|Photo|Image|Credit|Pictured)\s*:/;

/** Reporter's context that ends a reported span ("…, in the wake of revelations …"). */
export const TRAILING_CONTEXT = /,\s+(?:in the wake of|amid|following|after|in response to|as part of|ahead of)\b/;

/** Head nouns of job titles: an appositive with one of these describes the person next to it. */
export const ROLE_WORDS = /\b(?:secretary|director|chair|chairman|chairwoman|president|officer|head|chief|executive|manager|leader|minister|professor|lecturer|spokesperson|spokesman|spokeswoman|member|commissioner|inspector|adviser|advisor|founder|worker|councillor|mp|lead|co-?ordinator|campaigner|researcher|principal|headteacher|teacher|governor|trustee|ombudsman|editor|analyst|partner|consultant|fellow|coordinator|deputy|cabinet|portfolio|convenor|organiser|representative|carer|parent|mother|father|nurse|doctor|student|volunteer|author|solicitor|barrister|lawyer|judge|expert|academic|guardian|adopter|leaver)\b/i;
