// npm start: serves the playground. The add-on is the built dist/ (npm start builds first), running on the
// emulator over a workbook saved to .playground/workbook.json (env PLAYGROUND_FILE) after every change.
//
//   npm start                      the workbook from last time (the sample on first start)
//   npm start -- --reset           the sample workbook again (the old file is kept aside)
//   PORT=4000 npm start            another port (default 3000; 0 picks a free one); always 127.0.0.1
//   PLAYGROUND_SEED_DATE=2027-02-10  the sample's last week (default: today)
//   PLAYGROUND_LOCALE=de_DE        the workbook in another spreadsheet locale: the German (de_*) or French (fr_*)
//                                  sample on first start, kept in .playground/workbook.<locale>.json; a saved
//                                  workbook in another locale is switched to it (as File › Settings would)
//   PLAYGROUND_DIST=some/dir       run the add-on built into another directory (default dist/; for tests)
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildAssets } from './assets';
import { type Addon, loadAddon, type WorkbookState } from './emulator';
import { acceptedLocale, DEFAULT_LOCALE } from './emulator/locale';
import { sampleWorkbook } from './sample';
import { sampleWorkbookDe } from './sample-de';
import { sampleWorkbookFr } from './sample-fr';
import { createPlayground, listen } from './server';
import { WorkbookFile } from './store';

function fail(message: string): never {
  console.error(`playground: ${message}`);
  process.exit(1);
}

function seedDate(): Date {
  const text = process.env.PLAYGROUND_SEED_DATE;
  if (!text) return new Date();
  const d = new Date(`${text}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) fail(`PLAYGROUND_SEED_DATE "${text}" is not a date (YYYY-MM-DD)`);
  return d;
}

function chosenLocale(): string {
  const text = process.env.PLAYGROUND_LOCALE;
  if (text === undefined || text === '') return DEFAULT_LOCALE;
  const locale = acceptedLocale(text);
  if (!locale)
    fail(`PLAYGROUND_LOCALE "${text}" is not a locale Sheets offers (for example en_US, de_DE, fr_FR)`);
  return locale;
}

/** The sample in the locale's language where there is one (German, French), else the English one in it. */
function sampleFor(locale: string, seed: Date): WorkbookState {
  const language = locale.slice(0, 2).toLowerCase();
  if (language === 'de') return { ...sampleWorkbookDe(seed), locale };
  if (language === 'fr') return { ...sampleWorkbookFr(seed), locale };
  return { ...sampleWorkbook(seed), locale };
}

async function main(): Promise<void> {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length > 0) fail(`unknown argument ${unknown.join(' ')} (known: --reset)`);
  const reset = args.includes('--reset');
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT "${process.env.PORT}" is not a port number`);
  const distDir = path.resolve(root, process.env.PLAYGROUND_DIST ?? 'dist');
  const codePath = path.join(distDir, 'Code.js');
  if (!existsSync(codePath))
    fail(`${path.relative(root, codePath)} is missing: run npm run build (npm start does it).`);
  const locale = chosenLocale();
  const defaultFile =
    locale === DEFAULT_LOCALE ? '.playground/workbook.json' : `.playground/workbook.${locale}.json`;
  const file = new WorkbookFile(path.resolve(root, process.env.PLAYGROUND_FILE ?? defaultFile));

  let state: WorkbookState;
  if (reset) {
    if (existsSync(file.file)) {
      const aside = `${file.file}.before-reset-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file.file, aside);
      console.log(`playground: --reset: the previous workbook is kept as ${path.relative(root, aside)}`);
    }
    state = sampleFor(locale, seedDate());
  } else {
    const loaded = file.load();
    if (loaded.kind === 'ok') state = loaded.state;
    else {
      if (loaded.kind === 'corrupt') {
        console.error(
          `\nplayground: ${path.relative(root, file.file)} could not be read as a workbook (${loaded.problem}).\n` +
            `  It was moved to ${path.relative(root, loaded.movedTo)} and left untouched; starting from the sample.\n`,
        );
      }
      state = sampleFor(locale, seedDate());
    }
  }

  let addon: Addon;
  const options = {
    codePath,
    locale,
    htmlDir: distDir,
    unansweredDialogs: 'defer' as const,
    log: (line: string) => console.log(`[add-on] ${line}`),
  };
  try {
    addon = loadAddon({ ...options, state });
  } catch (e) {
    const aside = `${file.file}.unloadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(file.file)) renameSync(file.file, aside);
    console.error(
      `\nplayground: the saved workbook could not be loaded (${e instanceof Error ? e.message : e}).\n` +
        `  It was moved to ${path.relative(root, aside)}; starting from the sample.\n`,
    );
    addon = loadAddon({ ...options, state: sampleFor(locale, seedDate()) });
  }
  if (process.env.PLAYGROUND_LOCALE && addon.workbook.locale !== locale) {
    console.log(
      `playground: the workbook was in ${addon.workbook.locale}; PLAYGROUND_LOCALE switches it to ${locale}`,
    );
    addon.setLocale(locale);
  }
  const opened = addon.open();
  if (!opened.ok)
    console.error(`playground: onOpen failed: ${'error' in opened ? opened.error : 'it asked a question'}`);
  file.save(addon.toState());

  const assets = await buildAssets(root);
  const server = createPlayground({ addon, file, ...assets });
  const url = await listen(server, port).catch((e: NodeJS.ErrnoException) =>
    fail(e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another one)` : String(e)),
  );
  console.log(`playground: ${url}  (workbook: ${path.relative(root, file.file)})`);
  const stop = () => {
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
