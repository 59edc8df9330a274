/**
 * The logo file the administrator chose, redrawn in the browser to fit the header and the
 * letterhead and the contract's 100 KB (logo-rules.ts): any image the browser decodes, a large
 * photo included. Nothing is written: the institution form saves it.
 */
import { redrawImage } from '../images/redraw-image.ts';
import { LOGO_REDRAW, checkLogoFile, type LogoChoice, type LogoFileError } from './logo-rules.ts';

export type PreparedLogo = Extract<LogoChoice, { kind: 'new' }> & { readonly blob: Blob };

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function prepareLogo(file: File): Promise<PreparedLogo | { error: LogoFileError }> {
  const refused = checkLogoFile(file);
  if (refused) return { error: refused };
  const blob = await redrawImage(file, LOGO_REDRAW);
  if (typeof blob === 'string') return { error: blob === 'too_big' ? 'too_large' : 'required' };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { kind: 'new', contentType: blob.type, data: base64(bytes), length: bytes.length, blob };
}
