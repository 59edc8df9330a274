/**
 * The institution's logo as the administration edits it (issue 14), pure: which chosen files
 * are worth decoding, how the browser redraws them (app/admin/logo-file.ts), and how the
 * choice becomes the institution document's `logo` attachment. The contract
 * (couch-design/types/institution.ts) judges the same limits again, here and on the server.
 */
import { LOGO_ATTACHMENT, LOGO_TYPES, MAX_LOGO_BYTES, type Institution } from '../../couch-design/types/institution.ts';
import type { RedrawPlan } from '../images/redraw-image.ts';
import type { RefProblem } from './ref-rules.ts';

/**
 * Small enough for any header and letterhead, large enough to print sharp at 40 mm wide.
 * PNG first (a logo is flat colour, and keeps its transparency); JPEG when a photo-like image
 * is still too heavy as PNG.
 */
export const LOGO_REDRAW: RedrawPlan = {
  maxWidth: 400,
  maxHeight: 160,
  encodings: [{ type: 'image/png' }, { type: 'image/jpeg', quality: 0.9 }, { type: 'image/jpeg', quality: 0.75 }, { type: 'image/jpeg', quality: 0.6 }],
  maxBytes: MAX_LOGO_BYTES,
};

/** Past this, decoding alone could stall the browser (the counter's scans use the same bound). */
export const MAX_LOGO_INPUT_BYTES = 30 * 1024 * 1024;

/** What is wrong with a chosen file, in the codes of the form's own problems (one message each): not an image, unreadable, too heavy. */
export type LogoFileError = Extract<RefProblem['code'], 'bad_format' | 'required' | 'too_large'>;

/** A chosen file before decoding: an image type (or none: the browser may still read it), not empty, not huge. */
export function checkLogoFile(file: { readonly type: string; readonly size: number }): LogoFileError | null {
  if (file.type !== '' && !file.type.toLowerCase().startsWith('image/')) return 'bad_format';
  if (file.size === 0) return 'required';
  return file.size > MAX_LOGO_INPUT_BYTES ? 'too_large' : null;
}

/** What the form does with the logo: keep the stored one (or none), remove it, or store a new one (base64). */
export type LogoChoice =
  | { readonly kind: 'kept' }
  | { readonly kind: 'removed' }
  | { readonly kind: 'new'; readonly contentType: string; readonly data: string; readonly length: number };

export function logoProblems(choice: LogoChoice): RefProblem[] {
  if (choice.kind !== 'new') return [];
  if (!LOGO_TYPES.includes(choice.contentType)) return [{ field: 'logo', code: 'bad_format' }];
  if (choice.length < 1) return [{ field: 'logo', code: 'required' }];
  return choice.length > MAX_LOGO_BYTES ? [{ field: 'logo', code: 'too_large' }] : [];
}

/** `doc` with the logo chosen: the stored stub kept as it is (the server keeps the bytes), dropped, or new bytes inline. */
export function withLogo(doc: Institution, choice: LogoChoice): Institution {
  if (choice.kind === 'kept') return doc;
  const { _attachments: _, ...rest } = doc as Institution & { _attachments?: unknown };
  if (choice.kind === 'removed') return rest;
  return { ...rest, _attachments: { [LOGO_ATTACHMENT]: { content_type: choice.contentType, data: choice.data } } } as Institution;
}

/** The stored document has a logo. */
export function hasLogo(doc: Institution): boolean {
  const atts = (doc as Institution & { _attachments?: Record<string, unknown> })._attachments;
  return !!atts && LOGO_ATTACHMENT in atts;
}
