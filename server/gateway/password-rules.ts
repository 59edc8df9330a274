/**
 * What a new password must be: long rather than clever (NIST SP 800-63B): at least 10
 * characters, not the user's name, not one character repeated. Answered in plain words.
 */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

export function passwordProblem(password: string, name: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.toLowerCase().includes(name.toLowerCase())) return 'Choose a password that does not contain your user name.';
  if (new Set(password).size < 4) return 'Choose a password with more different characters.';
  return null;
}
