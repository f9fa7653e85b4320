// A browser signed in to several Google accounts makes google.script.run fail before the add-on runs; the
// sidebar says what to do instead of showing Google's storage error.
import { describe, expect, it } from 'vitest';
import { errorMessage, SEVERAL_ACCOUNTS } from '../../src/sidebar/rpc';

// The failure text as users report it from google.script.run's failure handler.
const REPORTED =
  "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";

describe('several signed-in Google accounts', () => {
  it.each([
    ['the message alone', new Error(REPORTED)],
    ['with the error name', new Error(`ScriptError: ${REPORTED}`)],
    ['as a string', `ScriptError: ${REPORTED}`],
  ])('%s: tells the user to use one account or an incognito window', (_, failure) => {
    const shown = errorMessage(failure);
    expect(shown).toBe(SEVERAL_ACCOUNTS);
    expect(shown).toMatch(/signed in to more than one/);
    expect(shown).toMatch(/incognito/);
    expect(shown).not.toMatch(/PERMISSION_DENIED|storage/);
  });

  it('leaves other permission errors as they are', () => {
    expect(
      errorMessage(new Error('Exception: You do not have permission to access the requested document.')),
    ).toBe('You do not have permission to access the requested document.');
    expect(errorMessage(new Error('Exception: PERMISSION_DENIED: the caller does not have permission'))).toBe(
      'PERMISSION_DENIED: the caller does not have permission',
    );
  });
});
