// What a KPI tab's header words say, in English, German, French, Spanish, Italian, Portuguese and Dutch: the
// words of a header (`Churned_Customers`, `terapia_intensiva`, camelCase, `Resolution (h)`), whether higher or
// lower is better (or nobody can tell, and the user is asked), the unit a header names (`(h)`, `[MWh]`,
// `in €`, `%`), and the headers of period, ID and totals cells. Pure word lists and rules; no cells.
import type { BetterWhen } from './kpi-health';
import { foldText } from './locale-words';

/**
 * The words of a header, folded (lower case, no accents): split at spaces, punctuation, `_`, digits and
 * camelCase humps (`SiebenTageInzidenzFaelle` → sieben tage inzidenz faelle). German `ä ö ü` also read as
 * `ae oe ue`, as ASCII exports write them.
 */
export function headerWords(header: string): string[] {
  const spaced = header
    .replace(/([a-zà-ÿ])([A-ZÀ-Þ])/g, '$1 $2')
    .replace(/([A-ZÀ-Þ]+)([A-ZÀ-Þ][a-zà-ÿ])/g, '$1 $2');
  return foldText(spaced.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue'))
    .split(/[^a-zß]+/)
    .filter((w) => w.length > 0);
}

// A word list is lines of words separated by spaces. An entry ending in `*` matches words starting with it (German and Dutch write compounds in one word:
// `arbeitslos*` finds Arbeitslosenquote); any other entry matches a whole word.
type Words = readonly string[];

function matcher(groups: Words): (w: string) => boolean {
  const words = groups.flatMap((g) => g.split(' ')).filter(Boolean);
  const exact = new Set(words.filter((w) => !w.endsWith('*')));
  const stems = words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  return (w) => exact.has(w) || stems.some((s) => w.startsWith(s));
}

/**
 * Qualifiers: words that make whatever they describe bad to have more of ("churned customers", "lost deals",
 * "failed payments", "unemployed persons"). They are read before the nouns, so they decide.
 */
const WORSE_QUALIFIERS = matcher([
  'churned lost failed failing cancelled canceled unpaid overdue late missed',
  'abandoned rejected refunded returned dropped unresolved unemployed inactive dead',
  'deceased sick injured delayed blocked escalated reopened wasted broken',
  // de
  'verloren* gekuendigt* storniert* abgelehnt* fehlgeschlagen* verspaetet* arbeitslos*',
  'erwerbslos* offen offene verstorben* tot tote toten',
  // fr
  'perdu perdus perdues annule annules annulees echoue echoues rejete rejetes',
  'impaye impayes retard chomeur* decede* morts',
  // es, pt
  'perdido perdidos perdidas cancelado cancelados cancelada canceladas fallido',
  'fallidos rechazado rechazados atrasado atrasados parado parados desempleado*',
  'desempregado* fallecido* muertos mortos falhado* rejeitado*',
  // it
  'persi perse annullati falliti respinti ritardo disoccupat* deceduti morti',
  // nl
  'verloren geannuleerd* mislukt* afgewezen werkloos werkloze werklozen overleden',
]);

/** Qualifiers that make what they describe good to have more of ("won deals", "active users"). */
const BETTER_QUALIFIERS = matcher([
  'won active retained resolved solved closed completed converted paying paid',
  'recovered employed sold qualified renewed delivered approved successful healthy',
  'verkauft* vendus vendidos venduti verkocht gewonnen* aktiv* geloest* bezahlt* erwerbstaetig* gagne* actif* resolu resolus resolue resolues gueri*',
  'ganado* activo* resuelto* recuperado* ocupado* ganho* ativo* resolvido*',
  'vinti attivi risolti guariti dimessi occupati gewonnen actief actieve',
  'opgelost* werkzame werkzaam',
]);

/** Nouns whose growth is bad: costs, time taken, failures, people harmed. */
const WORSE_NOUNS = matcher([
  'churn cost costs spend spending expense expenses burn cac cpa cpc cpu',
  'latency delay delays wait waiting downtime outage outages incident incidents',
  'bug bugs defect defects error errors failure failures complaint complaints',
  'backlog refund refunds attrition turnover bounce bounces abandonment debt',
  'unemployment deaths death fatalities mortality casualties cases infections',
  'illness ili incidence hospitalisations hospitalizations hospitalised hospitalized',
  'icu accidents injuries emissions waste defaults arrears escalations tickets',
  'ttr mttr mtta aht duration cancellations unsubscribes chargebacks fraud risk',
  // de
  'kosten* ausgaben aufwand* verzoeger* wartezeit* ausfall* ausfaelle* stoerung*',
  'fehler* beschwerde* reklamation* kuendigung* stornierung* arbeitslosigkeit todesfael*',
  'sterbefael* faelle infektion* inzidenz* intensiv* unfaell* unfall* emission*',
  'schulden* dauer bearbeitungszeit* fluktuation*',
  // fr
  'cout couts depense* delai* attente panne* erreur* plainte* reclamation*',
  'resiliation* chomage deces cas infection* hospitalisation* reanimation accident*',
  'dette* duree',
  // es, pt
  'coste costes costo costos custo custos gastos demora* espera averia* falla* falha* errores',
  'erros queja* reclamacion* reclamac* bajas desempleo desemprego paro muertes',
  'mortes obitos defunciones casos contagio* hospitalizacion* hospitalizac* accidente*',
  'acidente* deuda* divida* duracion duracao cancelamento* cancelacion*',
  // it
  'costi spese ritardi attesa guasti errori reclami disdette disoccupazione',
  'decessi positivi casi contagi ricoverati terapia intensiva isolamento incidenti',
  'debito durata',
  // nl
  'kosten uitgaven vertraging* wachttijd* storingen fouten klacht* opzegging*',
  'werkloosheid doden sterfgeval* gevallen besmetting* ziekenhuisopname* ongeval*',
  'ongeluk* schuld duur verzuim*',
]);

/**
 * Nouns whose growth is good: money coming in, people served, things done. A count of people employed is not
 * among them (a team phasing out an industry wants it down); an employment rate is (GOOD_RATE_SUBJECTS).
 */
const BETTER_NOUNS = matcher([
  'revenue revenues mrr arr sales profit profits margin income earnings',
  'bookings orders users customers clients subscribers members signups signup',
  'registrations sessions visits visitors pageviews views downloads installs',
  'conversions conversion retention nps csat satisfaction uptime availability',
  'engagement adoption activation growth dau wau mau leads deals wins',
  'passengers followers recoveries discharged throughput productivity',
  'pipeline savings ltv arpu aov donations enrolments enrollments graduates',
  // de
  'umsatz* umsaetze* erloes* gewinn* ertrag* einnahmen kunden* nutzer* besucher*',
  'bestellung* auftraeg* mitglieder* zufriedenheit* verfuegbarkeit* wachstum* fahrgaeste',
  'passagiere genesen*',
  // fr
  'chiffre ventes benefice* recette* revenus clients utilisateurs visiteurs',
  'commandes abonnes adherents disponibilite croissance passagers',
  // es, pt
  'ventas vendas ingresos receita* beneficio* lucro* ganancia* clientes usuarios',
  'utilizadores visitantes pedidos suscriptores assinantes socios satisfaccion',
  'satisfacao disponibilidad disponibilidade crecimiento crescimento pasajeros',
  'passageiros recuperados altas',
  // it
  'vendite ricavi fatturato utile utili clienti utenti visitatori ordini',
  'iscritti abbonati soddisfazione disponibilita crescita passeggeri',
  // nl
  'omzet verkoop verkopen winst opbrengst* inkomsten klanten gebruikers bezoekers',
  'bestellingen leden abonnees tevredenheid beschikbaarheid groei passagiers',
  'hersteld*',
]);

/** Words of time taken: worse when higher, unless something good is measured in time (uptime hours). */
const TIME_TAKEN = matcher([
  'time times hours hrs h min minutes mins days seconds secs ms zeit stunden',
  'minuten tage temps heures jours tiempo horas dias minutos tempo ore',
  'giorni minuti tijd uren dagen',
]);

/** Rates of something good ("response rate", "fill rate", "Erfolgsquote"): higher is better. */
const GOOD_RATE_SUBJECTS = matcher([
  'response resolution open click win success completion renewal answer fill',
  'conversion retention activation adoption engagement occupancy utilisation',
  'utilization attendance approval pass participation employment erfolg* beschaeftig*',
  'erwerbstaetig* reussite exito sucesso successo occupazione empleo emprego',
]);
const RATE_WORDS = matcher(['rate ratio quote quota taux tasa taxa tasso percentage share anteil']);

/**
 * Whether higher or lower is better, from a header's words; undefined when the words do not tell (nobody can,
 * from "Value", "Index" or a series code), so the user is asked. Qualifiers decide before nouns ("churned
 * customers" and "unemployment rate" are lower, "active users" higher); a rate of something good is higher
 * ("response rate", though response time is lower); words pointing both ways tell nothing.
 */
export function directionOf(header: string): BetterWhen | undefined {
  const words = headerWords(header);
  if (words.length === 0) return undefined;
  const worse = words.some(WORSE_QUALIFIERS);
  const better = words.some(BETTER_QUALIFIERS);
  if (worse !== better) return worse ? 'lower' : 'higher';
  const rate = words.findIndex(RATE_WORDS);
  if (rate > 0 && words.slice(0, rate).some(GOOD_RATE_SUBJECTS) && !words.some(WORSE_NOUNS)) return 'higher';
  const worseNoun = words.some(WORSE_NOUNS);
  const betterNoun = words.some(BETTER_NOUNS);
  if (worseNoun !== betterNoun) return worseNoun ? 'lower' : 'higher';
  if (!worseNoun && words.some(TIME_TAKEN)) return 'lower';
  return undefined;
}

/**
 * The unit a header names: `Resolution (h)`, `Load [MWh]`, `Umsatz in €`, `Revenue (USD)`, `Cost, $`,
 * `% WEIGHTED ILI`, `Dollars per Barrel`; "" when it names none. Only what `isUnit` accepts counts, so
 * `Sales (EMEA)` names no unit.
 */
export function unitOfHeader(header: string, isUnit: (text: string) => boolean): string {
  const h = header.trim();
  const candidates: string[] = [];
  const bracketed = /[([]\s*([^()[\]]{1,20}?)\s*[)\]]/g;
  for (let m = bracketed.exec(h); m; m = bracketed.exec(h)) candidates.push(m[1]!);
  const tail = /(?:\bin|\ben|\bem|,)\s+([^\s,()]{1,12})\s*$/i.exec(h);
  if (tail) candidates.push(tail[1]!);
  const money = /\b(dollars?|euros?|pounds?|yen)\b/i.exec(h);
  const inBrackets = candidates.length - (tail ? 1 : 0);
  for (const [i, c] of candidates.entries()) {
    if (i === inBrackets && money) break; // "Dollars per Barrel": the money, not the thing priced
    const t = c.replace(/^in\s+/i, '').trim();
    if (t === '%' || /^(in\s*)?\(?%\)?$/.test(t)) return '%';
    if (isUnit(t)) return t;
  }
  if (/(^|\s)%|%(\s|$)|\bpercent\b|\bpct\b|\bprozent\b|\bpourcentage\b|\bporcentaje\b/i.test(h)) return '%';
  if (money) {
    const w = money[1]!.toLowerCase();
    return w.startsWith('dollar') ? '$' : w.startsWith('euro') ? '€' : w.startsWith('pound') ? '£' : '¥';
  }
  return '';
}

/**
 * A header that is a series code, not words: one token mixing letters and digits (`A191RL1Q225SBEA`,
 * `AME.A.IRL.1.0.319.0.UDGGL`), or five or more capitals that no word list knows (`UNRATE`).
 */
export function isCodeHeader(header: string): boolean {
  return header
    .trim()
    .split(/\s+/)
    .some((t) => {
      if (/[a-z]/i.test(t) && /\d/.test(t) && t.replace(/[^a-z\d]/gi, '').length >= 6) return true;
      if (!/^[A-Z]{5,}$/.test(t)) return false;
      const w = t.toLowerCase();
      return ![
        WORSE_NOUNS,
        BETTER_NOUNS,
        WORSE_QUALIFIERS,
        BETTER_QUALIFIERS,
        TIME_TAKEN,
        LABEL_HEADERS,
        GENERIC,
      ].some((m) => m(w));
    });
}

/** Headers of columns that label rows rather than measure: a year, a month or week number, an ID, a code. */
const LABEL_HEADERS = matcher([
  'id ids key code codes no nr nummer numero num index idx row rank',
  'year years yr fy quarter qtr month months mon week weeks wk day',
  'days weekday hour hr minute period season jahr quartal monat woche kw',
  'tag stunde annee an trimestre mois semaine jour heure ano anio mes',
  'semana dia hora anno mese settimana giorno ora jaar kwartaal maand',
  'dag uur instant lat latitude long lon lng longitude zip postcode fips',
  'holiday workingday flag',
]);

/**
 * A header of a column of numbers that label rows: its words are all label words (`Year`, `Week no.`,
 * `BundeslandID`, `Country Code`), possibly with one qualifier (`fiscal year`, `ISO week`).
 */
export function isLabelHeader(header: string): boolean {
  const words = headerWords(header);
  if (words.length === 0) return /^#$/.test(header.trim());
  const labels = words.filter(LABEL_HEADERS).length;
  return labels > 0 && labels >= words.length - 1 && !words.some(BETTER_NOUNS) && !words.some(WORSE_NOUNS);
}

/** Header words of a date column (`Date`, `Datum`, `Fecha`, `Période`, `Time`, `as of`). */
export const isDateHeader = matcher([
  'date dates day week month period time timestamp when datum zeit monat',
  'woche periode periodo perioden fecha data mois semaine jour mes semana',
  'mese giorno maand dag week datetime dateday dteday jahr year ano anno',
  'annee jaar quarter quartal trimestre kwartaal',
]);

/** A header that says nothing of what is measured (`Value`, `Total`, `Wert`, `Valor`): the tab's name tells. */
export const isGenericHeader = (header: string): boolean => {
  const words = headerWords(header);
  return words.length > 0 && words.every(GENERIC);
};
const GENERIC = matcher([
  'value values amount number count total kpi metric actual actuals result',
  'obs observation wert werte betrag anzahl valeur montant valor importe',
  'valore totale waarde aantal totaal gesamt summe data series',
]);

/**
 * A row label of a totals or summary row (`Total`, `Grand total`, `Summe`, `Gesamt`, `Average`, `Ø`,
 * `Moyenne`, `Promedio`, `Totaal`): such a row sums or averages the rows above, it is never the latest entry.
 */
export function isTotalsLabel(text: string): boolean {
  const t = text.trim();
  if (/^(ø|Ø|∑|Σ)/.test(t)) return true;
  const words = headerWords(t);
  if (words.length === 0 || words.length > 3) return false;
  return TOTALS(words[0]!) || (words.length > 1 && TOTALS(words[words.length - 1]!) && words[0] === 'grand');
}
const TOTALS = matcher([
  'total totals subtotal grand sum summe gesamt insgesamt gesamtsumme average',
  'avg mean median durchschnitt mittelwert moyenne somme promedio media suma',
  'totale somma totaal som gemiddelde gemiddeld overall ytd',
]);

/** What a header of a period column counts: years, quarters, months, weeks, days or hours of the day. */
export function periodUnitOfHeader(
  header: string,
): 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | undefined {
  const words = headerWords(header);
  const has = (list: string) => words.some((w) => list.split(' ').includes(w));
  if (has('hour hr hours stunde heure hora ora uur')) return 'hour';
  if (has('week wk weeks woche kw semaine sem semana settimana')) return 'week';
  if (has('month months mon monat mois mes mese maand')) return 'month';
  if (has('quarter qtr quartal trimestre kwartaal')) return 'quarter';
  if (has('year yr years jahr annee an ano anio anno jaar fy')) return 'year';
  if (has('day days tag jour dia giorno dag')) return 'day';
  return undefined;
}
