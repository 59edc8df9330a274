/**
 * French messages. The keys of this dictionary are the message keys of the app
 * (`MessageKey`); en.ts must have exactly the same ones (its type enforces it).
 * Placeholders are `{name}`, filled by `t(key, { name })`.
 */
export const fr = {
  'app.name': 'Front Office',
  'app.loading': 'Chargement…',
  'app.skip': 'Aller au contenu',

  'locale.label': 'Langue',
  'locale.fr': 'Français',
  'locale.en': 'English',

  'header.branch': 'Agence {code}',
  'header.hq': 'Siège',
  'header.user': 'Utilisateur : {name}',
  'header.nav': 'Écrans',
  'header.signOut': 'Se déconnecter',
  'header.offlineSession': 'Connexion hors ligne',

  'signin.title': 'Connexion',
  'signin.intro': 'Entrez votre identifiant et votre mot de passe.',
  'signin.name': 'Identifiant',
  'signin.password': 'Mot de passe',
  'signin.submit': 'Se connecter',
  'signin.busy': 'Connexion…',
  'signin.offlineHint': 'Hors ligne : seuls les utilisateurs déjà connectés sur cet appareil peuvent entrer.',
  'signin.missing': 'Entrez l’identifiant et le mot de passe.',

  'screen.reception.title': 'Accueil',
  'screen.reception.body': 'Ici, l’accueil identifie le visiteur, choisit le service et imprime le ticket de file d’attente.',
  'screen.kiosk.title': 'Borne',
  'screen.kiosk.body': 'Touchez un service pour prendre votre ticket.',
  'screen.display.title': 'Salle d’attente',
  'screen.display.body': 'Les numéros appelés et leur guichet s’afficheront ici.',
  'screen.counter.title': 'Guichet',
  'screen.counter.body': 'Ici, l’agent appelle le ticket suivant, traite la visite et enregistre les pièces reçues.',
  'screen.cashier.title': 'Caisse',
  'screen.cashier.body': 'Ici, le caissier ouvre sa session, encaisse, rembourse et clôture sa caisse.',
  'screen.backoffice.title': 'Back office',
  'screen.backoffice.body': 'Ici, le back office traite les demandes transmises par les guichets.',
  'screen.supervisor.title': 'Supervision',
  'screen.supervisor.body': 'Ici, le superviseur suit les files, les guichets et les temps d’attente de l’agence.',
  'screen.admin.title': 'Administration',
  'screen.admin.body': 'Ici, l’administrateur gère l’institution, les agences, les services, les guichets et les paramètres.',
  'screen.none.title': 'Aucun écran',
  'screen.none.body': 'Votre compte n’a aucun rôle de poste. Demandez à un administrateur de vous en attribuer un.',

  'guard.denied': 'L’écran « {screen} » n’est pas accessible avec votre rôle. Voici votre écran.',
  'notice.dismiss': 'Fermer',

  'sync.label': 'Synchronisation',
  'sync.online': 'En ligne',
  'sync.offline': 'Hors ligne',
  'sync.syncing': 'Synchronisation…',
  'sync.error': 'Erreur de synchronisation',
  'sync.pending': '{count} en attente',
  'sync.last': 'Synchro : {time}',
  'sync.never': 'Jamais synchronisé',
  'sync.denied': 'Refusé par le serveur ({id}) : {reason}',
  'sync.dismiss': 'Masquer l’erreur',

  'firstSync.title': 'Première synchronisation',
  'firstSync.progress': '{done} documents reçus sur environ {total}',
  'firstSync.progressUnknown': '{done} documents reçus',
  'firstSync.waiting': 'En attente du réseau pour charger les données de cet appareil.',

  'update.available': 'Nouvelle version disponible.',
  'update.reload': 'Recharger',
  'update.later': 'Plus tard',

  'error.unauthorized': 'Identifiant ou mot de passe incorrect.',
  'error.unreachable': 'Serveur injoignable. Vérifiez le réseau.',
  'error.offline_unknown_user': 'Hors ligne, et cet utilisateur ne s’est jamais connecté sur cet appareil.',
  'error.server': 'Le serveur a rencontré une erreur. Réessayez.',
  'error.session_expired': 'Votre session a expiré. Reconnectez-vous.',
  'error.forbidden': 'Action non autorisée.',
  'error.conflict': 'Ce document a été modifié ailleurs. Rechargez puis recommencez.',
  'error.not_found': 'Document introuvable.',
  'error.crypto_unavailable': 'Ce navigateur ne permet pas la connexion hors ligne (WebCrypto indisponible).',
  'error.unknown': 'Erreur inattendue ({code}).',

  'problem.required': '{field} : obligatoire.',
  'problem.invalid': '{field} : valeur non valide.',
  'problem.too_long': '{field} : trop long.',
  'problem.too_short': '{field} : trop court.',
  'problem.not_allowed': '{field} : non autorisé pour votre rôle.',
  'problem.immutable': '{field} : ne peut plus être modifié.',
  'problem.unknown': '{field} : refusé ({code}).',
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
