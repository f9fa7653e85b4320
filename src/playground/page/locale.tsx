// The spreadsheet's locale setting on the page (Sheets: File › Settings › Locale): a choice of the locales of
// core's table; changing it re-displays the workbook in the new locale (POST /api/locale, README.md).
import { LOCALES } from '../../core/locale';

/** "German (Germany)" for de_DE, in the browser's language; the id alone where the browser cannot name it. */
function localeName(id: string): string {
  try {
    const name = new Intl.DisplayNames([navigator.language, 'en'], { type: 'language' }).of(
      id.replace('_', '-'),
    );
    return name && name !== id ? `${name} — ${id}` : id;
  } catch {
    return id;
  }
}

const CHOICES = [...LOCALES.map((l) => l.id)].sort((a, b) => localeName(a).localeCompare(localeName(b)));

export function LocaleSetting(props: { locale: string; onChanged: (error?: string) => void }) {
  const choices = CHOICES.includes(props.locale) ? CHOICES : [props.locale, ...CHOICES];
  return (
    <label
      class="locale-setting"
      title="File › Settings › Locale: how formulas, typing and numbers read here"
    >
      <span>Locale</span>
      <select
        aria-label="Spreadsheet locale"
        value={props.locale}
        onChange={async (e) => {
          const locale = (e.target as HTMLSelectElement).value;
          const res = await fetch('/api/locale', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ locale }),
          }).catch(() => undefined);
          const body = res ? ((await res.json().catch(() => ({}))) as { error?: string }) : {};
          props.onChanged(res?.ok ? undefined : (body.error ?? 'The locale could not be changed.'));
        }}
      >
        {choices.map((id) => (
          <option key={id} value={id}>
            {localeName(id)}
          </option>
        ))}
      </select>
    </label>
  );
}
