/** Name material for demo persons: Cameroonian family names, French given names, with accents. */
export const FAMILY_NAMES = [
  'Mbarga', 'Ékotto', 'Nkodo', 'Fotso', 'Kamga', 'Tchoumi', 'Ndjock', 'Atangana', 'Owona', 'Biyong',
  'Ngono', 'Essomba', 'Abena', 'Mvondo', 'Nguemo', 'Tagne', 'Djoumessi', 'Kouam', 'Nana', 'Bello',
  'Aboubakar', 'Hamadou', 'Ndongo', 'Onana', 'Zambo', 'Mballa', 'Manga', 'Béa', 'Ékambi', 'Nkoulou',
  'Tchatchoua', 'Fonkou', 'Ngo Bassa', 'Ébodé', "Eto'o", 'Mérimé', 'Ngué', 'Sadjo', 'Bétoté', 'Kéné',
];

export const GIVEN_NAMES_M = [
  'Jean', 'Pierre', 'Joseph', 'André', 'Paul', 'Ibrahim', 'Rodrigue', 'Brice', 'Stéphane', 'Serge',
  'Hervé', 'Blaise', 'François', 'Théodore', 'Aimé', 'Désiré', 'Moïse', 'Jérôme',
];

export const GIVEN_NAMES_F = [
  'Marie', 'Émilie', 'Hélène', 'Françoise', 'Thérèse', 'Céline', 'Aïcha', 'Christelle', 'Noëlle', 'Gaëlle',
  'Josiane', 'Aurélie', 'Bénédicte', 'Clémence', 'Agnès', 'Rosine', 'Solange', 'Estelle',
];

export const COMPANY_HEADS = [
  'Brasseries', 'Société Camerounaise', 'Hôtel', 'Cimenteries', 'Boulangerie', 'Transports', 'Clinique',
  'Librairie', 'Établissements', 'Plantations', 'Imprimerie', 'Garage', 'Pharmacie', 'Quincaillerie',
];

export const COMPANY_TAILS = [
  'du Littoral', 'de Bonanjo', 'du Centre', 'Akwa', 'de Bastos', 'du Wouri', 'Mvog-Mbi', 'de la Sanaga',
  'Ébodé & Fils', 'Kamga Frères', 'de Deïdo', 'du Mfoundi', 'La Falaise', 'Saker',
];

export const STREETS = ['Rue Joss', 'Boulevard de la Liberté', 'Avenue Kennedy', 'Rue Njo-Njo', 'Rue de Nachtigal', 'Avenue Charles-Atangana'];
