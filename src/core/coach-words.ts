// The words the coach reads titles by, one list per job and one set of lists per language: task verbs (a key
// result that names a piece of work), metric words (a title that is a number), direction words (which way a
// title says its number moves), keep phrases (a number to hold, not to change), thresholds, and the words that
// carry no meaning for these rules. English first; another language is one more entry of COACH_WORDS, written
// out in full (forms included: no rule inflects a word), so nothing else changes when one is added.

/** A word or a phrase of several words, lower case without accents (as core/locale-words.ts `foldText` folds). */
export type Phrase = string;

export interface CoachWords {
  /** verbs that name a piece of work, in every form a title uses them (`launch`, `launched`, `set up`) */
  taskVerbs: readonly Phrase[];
  /** words saying a piece of work is over, written at a title's end (`onboarding flow launched`, `… done`) */
  doneWords: readonly Phrase[];
  /** verbs that move a number up */
  upWords: readonly Phrase[];
  /** verbs that move a number down */
  downWords: readonly Phrase[];
  /** words that say a number changes without saying which way (`improve`, `reach`, `new`) */
  changeWords: readonly Phrase[];
  /** words after which an up or down word compares instead of moving (`lower than 3%`) */
  comparisonWords: readonly Phrase[];
  /** verbs of holding a number where it is (`keep`, `maintain`, `stay`) */
  keepWords: readonly Phrase[];
  /** phrases that set a floor or a ceiling (`at least`, `below`, `no more than`), symbols included */
  thresholds: readonly Phrase[];
  /** the names of things teams measure: KPIs and their parts (`churn`, `revenue`, `response time`, `nps`) */
  metrics: readonly Phrase[];
  /** words that add nothing to what a title is (articles, `our`, `monthly`, unit words) */
  fillers: readonly Phrase[];
  /** numbers written as words: a title holding one has a number */
  numberWords: readonly Phrase[];
  /** a word before a number that makes it a rank, not an amount (`top 3`) */
  rankWords: readonly Phrase[];
  /** `from` and `to` in "from 8% to 5%" */
  from: readonly Phrase[];
  to: readonly Phrase[];
  /** the decimal mark numbers are written with in titles; the other mark groups thousands */
  decimalMark: '.' | ',';
}

/**
 * The English forms of regular verbs: `launch` → launch, launches, launched, launching. A verb that doubles
 * its last letter or is irregular is written out in full where it is listed.
 */
const forms = (verbs: string): string[] =>
  verbs.split(' ').flatMap((b) => {
    const stem = b.endsWith('e') ? b.slice(0, -1) : b;
    const y = /[^aeiou]y$/.test(b);
    const s = /(s|sh|ch|x|z)$/.test(b) ? `${b}es` : y ? `${b.slice(0, -1)}ies` : `${b}s`;
    const ed = b.endsWith('e') ? `${b}d` : y ? `${b.slice(0, -1)}ied` : `${b}ed`;
    return [b, s, ed, `${stem}ing`];
  });

/** A two-word verb in the forms given: `set up` → set up, sets up, setting up. */
const phrasal = (particle: string, verbForms: string): string[] =>
  verbForms.split(' ').map((f) => `${f} ${particle}`);

const words = (text: string): string[] => text.split(' ');

const EN: CoachWords = {
  taskVerbs: [
    ...forms(
      'launch create implement hire migrate redesign develop design deploy release introduce publish complete ' +
        'finish deliver integrate refactor document define draft organize organise host conduct start ' +
        'add update upgrade replace automate establish prepare research prototype pilot open fix remove ' +
        'configure onboard finalize finalise produce translate rename clean test audit review evaluate ' +
        'investigate explore train schedule sign',
    ),
    ...words('build builds built building rebuild rebuilds rebuilt rebuilding'),
    ...words('ship ships shipped shipping plan plans planned planning'),
    ...words('write writes wrote written writing rewrite rewrites rewrote rewritten rewriting'),
    ...words('run runs ran running send sends sent sending study studies studied studying'),
    ...words('set sets setting install installed installing'), // `installs` is a metric
    ...phrasal('up', 'set sets setting'),
    ...phrasal('out', 'roll rolls rolled rolling'),
    ...phrasal('off', 'kick kicks kicked kicking'),
    ...phrasal('in place', 'put puts putting'),
    'go live',
  ],
  doneWords: [
    'launched',
    'shipped',
    'done',
    'completed',
    'finished',
    'delivered',
    'released',
    'live',
    'in place',
  ],
  upWords: [
    ...forms('increase raise boost double triple expand maximize maximise lift'),
    ...words('grow grows grew grown growing rise rises rose risen rising'),
    'bring up',
    'scale up',
  ],
  downWords: [
    ...forms('reduce lower decrease halve minimize minimise slash shorten trim eliminate'),
    ...words('cut cuts cutting shrink shrinks shrank shrunk shrinking fall falls fell fallen falling'),
    'bring down',
  ],
  changeWords: [
    ...forms('improve reach achieve attain move accelerate'),
    ...words('hit hits hitting get gets got getting speed speeds sped speeding'),
    ...words('new more fewer less additional extra longer shorter faster higher better'),
  ],
  comparisonWords: ['than'],
  keepWords: [
    ...forms('maintain stay remain sustain preserve'),
    ...words('keep keeps kept keeping'),
    'hold steady',
    'holds steady',
    'holding steady',
  ],
  thresholds: [
    'at least',
    'at most',
    'no more than',
    'no less than',
    'not more than',
    'not less than',
    'or more',
    'or less',
    'or fewer',
    'or better',
    'or higher',
    'or lower',
    'at or above',
    'at or below',
    'above',
    'below',
    'under',
    'over',
    'within',
    'minimum',
    'maximum',
    'max',
    '≥',
    '≤',
    '>=',
    '<=',
    '>',
    '<',
  ],
  metrics: [
    ...words(
      'revenue sales mrr arr arpu arpa acv gmv bookings pipeline profit margin ebitda cost costs spend',
    ),
    ...words('cac ltv clv churn retention conversion nps csat uptime availability latency downtime mttr'),
    ...words('signups users mau dau wau customers subscribers leads traffic visits sessions downloads'),
    ...words('installs tickets backlog defects bugs incidents errors throughput utilization utilisation'),
    ...words('headcount attrition turnover adoption activation share rate ratio score growth orders deals'),
    ...words('cash burn runway roi roas ctr cpc cpa pageviews aov'),
    'sign ups',
    'response time',
    'resolution time',
    'lead time',
    'cycle time',
    'time to hire',
    'time to value',
    'market share',
    'win rate',
    'open rate',
    'click rate',
    'bounce rate',
    'run rate',
    'page views',
  ],
  fillers: [
    ...words('the a an our my your their its of for in on at per by and with all total overall average avg'),
    ...words('median mean monthly weekly daily quarterly annual yearly annualized annualised net gross'),
    ...words('customer active paying user product website app mobile web enterprise smb recurring organic'),
    ...words('paid first support service percent pct points pts'),
    ...words('hours hour h days day minutes min seconds s ms weeks k m bn usd eur dollars'),
  ],
  numberWords: words(
    'zero one two three four five six seven eight nine ten eleven twelve twenty fifty hundred thousand ' +
      'million billion half twice',
  ),
  rankWords: ['top', 'no', 'number', '#'],
  from: ['from'],
  to: ['to'],
  decimalMark: '.',
};

export const COACH_LANGUAGES = ['en'] as const;
export type CoachLanguage = (typeof COACH_LANGUAGES)[number];

export const COACH_WORDS: Record<CoachLanguage, CoachWords> = { en: EN };
