/** Auth fields that name a credential (`token: apiKey`) must name one the entry declares. */
import { PaykitError, joinPointer } from '../errors.js';

export function checkCredentialRef(credentials: Record<string, string>, name: string | undefined, file: string, at: readonly string[], field: readonly string[]): void {
  if (name === undefined || Object.hasOwn(credentials, name)) return;
  throw new PaykitError(file, joinPointer([...at, ...field]), `names the credential "${name}", which auth.credentials does not declare`,
    `use one of: ${Object.keys(credentials).join(', ')}`);
}
