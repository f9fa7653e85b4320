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
  for (const part of message.split('; ')) {
    const m = /^(?:[\w -]+: )?([\w.]+): (.*)$/.exec(part);
    const field = m?.[1];
    if (m && field && fields.includes(field)) byField[field] = m[2]!;
    else rest.push(part);
  }
  return { byField, rest };
}
