// Where a server error belongs in a form: each part that names a field goes under that field, the rest stays a
// form-level message.

/**
 * Splits a server error such as `key result: target: "abc" is not a number; key result: title: is required`
 * into messages per field; what names no known field stays a form-level message.
 */
export function fieldErrors(
  message: string,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  // a part ends where the next one names its own context and field ("…; kpi: warnAt: …"): a "; " inside one
  // message ("…not a key result; use type …") stays in it
  for (const part of message.split(/; (?=[\w -]+: [\w.]+: )/)) {
    const m = /^(?:[\w -]+: )?([\w.]+): (.*)$/.exec(part);
    const field = m?.[1];
    if (m && field && fields.includes(field)) byField[field] = m[2]!;
    else rest.push(part);
  }
  return { byField, rest };
}

/** Field names as the forms label them, for messages shown away from their field. */
const FIELD_WORDS: Record<string, string> = {
  value: 'value',
  warnAt: 'warn at',
  betterWhen: 'better when',
  valueColumn: 'value column',
  dateColumn: 'date column',
  sheetName: 'tab',
  krId: 'key result',
  objectiveId: 'objective',
  fiscalStartMonth: 'fiscal year start',
  'scoring.cap': 'highest score',
  'scoring.yellowFrom': 'yellow from',
  'scoring.greenFrom': 'green from',
};

/**
 * A server message in the user's words: without the internal context and field names the server prefixes
 * (`check-in: value: "abc" is not a number` → `Value: "abc" is not a number`), each part a sentence.
 */
export function userMessage(message: string): string {
  return message
    .split(/; (?=[\w -]+: [\w.]+: )/)
    .map((part) => {
      const m = /^(?:[\w -]+: )?([\w.]+): (.*)$/s.exec(part);
      if (!m) return part;
      const field = m[1]!;
      const words = FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      const text = `${words}: ${m[2]}`;
      return text.charAt(0).toUpperCase() + text.slice(1);
    })
    .join(' ');
}
