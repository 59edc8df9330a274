/** The table of part chunks the app build generates (vite.config.ts, `messageParts`). */
declare module 'virtual:fo-message-parts' {
  type Messages = import('./fr.ts').Messages;
  type Part = import('./parts.ts').Part;
  export const LOADERS: Readonly<Record<'fr' | 'en', Readonly<Record<Part, () => Promise<Partial<Messages>>>>>>;
}
