// The part of HtmlService's client API the sidebar uses (https://developers.google.com/apps-script/guides/html/reference/run).
interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(object: unknown): GoogleScriptRunner;
  [functionName: string]: unknown;
}

interface GoogleScriptHost {
  close(): void;
  editor: { focus(): void };
}

declare const google: {
  script: { run: GoogleScriptRunner; host: GoogleScriptHost };
};
