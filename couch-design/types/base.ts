/** Fields every Front Office document has. `type` is the snake_case wire name. */
export interface BaseDoc {
  _id: string;
  _rev?: string;
  type: string;
}

/** Labels shown to the public are kept in both official languages. */
export interface I18n {
  fr: string;
  en: string;
}

export type Locale = 'fr' | 'en';
