// The members each Apps Script class really has, read from @types/google-apps-script. The service wrapper uses
// them so that a real method the emulator lacks throws `not emulated: Class.method`, while a name Apps Script
// does not have at all reads as undefined (calling it is a TypeError, as in Apps Script).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES: Record<string, string> = {
  SpreadsheetApp: 'spreadsheet',
  Spreadsheet: 'spreadsheet',
  Sheet: 'spreadsheet',
  Range: 'spreadsheet',
  DataValidation: 'spreadsheet',
  DataValidationBuilder: 'spreadsheet',
  ConditionalFormatRule: 'spreadsheet',
  ConditionalFormatRuleBuilder: 'spreadsheet',
  BooleanCondition: 'spreadsheet',
  Protection: 'spreadsheet',
  DeveloperMetadata: 'spreadsheet',
  DeveloperMetadataFinder: 'spreadsheet',
  DeveloperMetadataLocation: 'spreadsheet',
  NamedRange: 'spreadsheet',
  EmbeddedChart: 'spreadsheet',
  EmbeddedChartBuilder: 'spreadsheet',
  EmbeddedAreaChartBuilder: 'spreadsheet',
  EmbeddedBarChartBuilder: 'spreadsheet',
  EmbeddedColumnChartBuilder: 'spreadsheet',
  EmbeddedComboChartBuilder: 'spreadsheet',
  EmbeddedLineChartBuilder: 'spreadsheet',
  EmbeddedPieChartBuilder: 'spreadsheet',
  EmbeddedScatterChartBuilder: 'spreadsheet',
  ContainerInfo: 'spreadsheet',
  Charts: 'charts',
  ChartOptions: 'charts',
  Ui: 'base',
  Menu: 'base',
  Session: 'base',
  User: 'base',
  PromptResponse: 'base',
  HtmlService: 'html',
  HtmlOutput: 'html',
  PropertiesService: 'properties',
  Properties: 'properties',
  LockService: 'lock',
  Lock: 'lock',
  Utilities: 'utilities',
  ScriptApp: 'script',
};

const cache = new Map<string, Set<string>>();
const texts = new Map<string, string>();

function typesDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@types/google-apps-script/package.json'));
}

/** Whether a class belongs to SpreadsheetApp (Spreadsheet, Sheet, Range, DataValidation…), not another service. */
export function isSpreadsheetClass(className: string): boolean {
  return FILES[className] === 'spreadsheet';
}

/** Method and property names of an Apps Script class (e.g. "Range"). */
export function gasMembers(className: string): Set<string> {
  let members = cache.get(className);
  if (members) return members;
  const file = FILES[className];
  if (!file) throw new Error(`members.ts does not know the Apps Script class ${className}`);
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(typesDir(), `google-apps-script.${file}.d.ts`), 'utf8');
    texts.set(file, text);
  }
  const start = text.search(new RegExp(`\\n {8}interface ${className} \\{`));
  if (start < 0) throw new Error(`@types/google-apps-script has no interface ${className}`);
  const end = text.indexOf('\n        }', start);
  members = new Set<string>();
  for (const line of text.slice(start, end).split('\n').slice(1)) {
    const m = /^ {12}(?:\/\*\*.*?\*\/\s*)?([A-Za-z_]\w*)\s*[(:]/.exec(line);
    if (m) members.add(m[1]!);
  }
  cache.set(className, members);
  return members;
}
