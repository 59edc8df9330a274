/** The public verification page; a certificate's QR is this URL with the seal after `#`. */
export const VERIFY_PATH = '/verify';
