/**
 * Word pools for synthetic dossiers. They mimic the S29 applicant population: West
 * African and European firms, donors as clients, human-rights and security work.
 */

/** Lead countries weighted towards the region; a few are neither EU nor ACP on purpose. */
export const LEAD_COUNTRIES = [
  ...['SN', 'SN', 'SN', 'CI', 'CI', 'ML', 'BF', 'NE', 'GN', 'BJ', 'TG', 'GH', 'NG', 'CM', 'MR', 'CV'],
  ...['FR', 'FR', 'FR', 'BE', 'BE', 'DE', 'ES', 'IT', 'PT', 'NL', 'LU', 'IE', 'SE'],
  ...['KE', 'RW', 'MG', 'CD'],
];
/** Ineligible under [EU, ACP]: drawn for a few leads and members so the nationality gate bites. */
export const INELIGIBLE_COUNTRIES = ['US', 'CH', 'GB', 'MA', 'TN', 'CA', 'TR'];
export const WEST_AFRICA_XOF = new Set(['SN', 'CI', 'ML', 'BF', 'NE', 'BJ', 'TG', 'GW']);
export const EU_COUNTRIES = new Set(['FR', 'BE', 'DE', 'ES', 'IT', 'PT', 'NL', 'LU', 'IE', 'SE']);

/** Countries where references take place: mostly ECOWAS, some Sahel neighbours and beyond. */
export const REFERENCE_COUNTRIES = [
  ...['SN', 'SN', 'SN', 'ML', 'ML', 'BF', 'NE', 'CI', 'GN', 'GM', 'GW', 'MR', 'TD', 'BJ', 'TG', 'GH'],
  ...['NG', 'SL', 'LR', 'CV', 'CM', 'MA', 'TN', 'CF', 'CD', 'MG', 'HT', 'KE', 'JO', 'LB'],
];

export const NAME_STEMS = [
  'Droits',
  'Sécurité',
  'Justice',
  'Sahel',
  'Gouvernance',
  'Citoyenneté',
  'Paix',
  'Frontières',
  'Atlantique',
  'Horizon',
  'Dialogue',
  'Equité',
  'Liberté',
  'Concorde',
  'Teranga',
  'Baobab',
  'Kora',
  'Sirius',
  'Delta',
  'Sentinel',
  'Meridian',
  'Vigilance',
  'Civitas',
  'Lumen',
];
export const NAME_KINDS = [
  'Institut',
  'Cabinet',
  'Consulting',
  'Centre',
  'Groupe',
  'Bureau',
  'Agence',
  'Partners',
  'Fondation',
  'Associates',
  'Conseil',
  'Academy',
];
/** Legal forms by country family. */
export const LEGAL_FORMS = {
  xof: ['SARL', 'SA', 'SUARL', 'GIE', 'SAS'],
  eu: ['SAS', 'SARL', 'GmbH', 'SRL', 'BV', 'SA', 'Ltd', 'ASBL'],
  other: ['Ltd', 'LLC', 'SA', 'Inc'],
};

export const CLIENTS = [
  'UNODC',
  'UNDP',
  'OHCHR',
  'IOM',
  'UNICEF',
  'UN Women',
  'EU Delegation Senegal',
  'EU Delegation Mali',
  'GIZ',
  'Expertise France',
  'AFD',
  'Enabel',
  'World Bank',
  'AfDB',
  'ECOWAS Commission',
  'CIVIPOL',
  'Ministère de la Justice',
  "Ministère de l'Intérieur",
  'Haut-Commissariat aux droits humains',
  'Danish Refugee Council',
  'DCAF',
  'Swiss Cooperation',
  'USAID',
  'FIIAPP',
];

export const TITLE_ACTIONS = [
  'Formation des',
  'Appui aux',
  'Renforcement des capacités des',
  'Supervision des',
  'Evaluation des',
  'Training of',
  'Support to',
  'Capacity building for',
  'Mentoring of',
  'Assessment of',
];
export const TITLE_SUBJECTS = [
  'forces de police',
  'unités de gendarmerie',
  'services douaniers',
  'magistrats',
  'gardes-frontières',
  'police units',
  'border agencies',
  'prison staff',
  'civil society groups',
  'national human rights bodies',
  'anti-trafficking units',
  'coast guards',
];
export const TITLE_TOPICS = [
  'aux droits humains',
  'on human rights',
  'contre la traite des personnes',
  'on migrant smuggling',
  'au genre et à la protection',
  'on use of force',
  'en gestion des frontières',
  'on victim protection',
  'en déontologie',
  'on anti-money laundering',
];

/** Tags besides human_rights (drawn apart, by the firm's specialism); training is common. */
export const TAGS = [
  ...['training', 'training', 'training', 'security_forces'],
  ...['police', 'justice', 'migration', 'border_management', 'gender', 'capacity_building'],
  ...['monitoring', 'evaluation', 'governance', 'trafficking', 'protection'],
];

export const EXPERT_ROLES = [
  'Team leader',
  'Senior trainer',
  'Human rights expert',
  'Legal expert',
  'Police expert',
  'Gender expert',
  'M&E expert',
  'Migration expert',
];
export const EXPERT_DOMAINS = [
  'human_rights',
  'police',
  'training',
  'justice',
  'migration',
  'gender',
  'border_management',
  'evaluation',
  'security_sector_reform',
];
export const GIVEN_INITIALS = ['A.', 'M.', 'F.', 'I.', 'K.', 'S.', 'J.', 'C.', 'O.', 'B.', 'L.', 'P.'];
export const FAMILY_NAMES = [
  'Diallo',
  'Ndiaye',
  'Sow',
  'Ba',
  'Fall',
  'Traoré',
  'Koné',
  'Ouédraogo',
  'Mensah',
  'Diop',
  'Camara',
  'Keita',
  'Martin',
  'Bernard',
  'Dubois',
  'Lefèvre',
  'Schmidt',
  'García',
  'Rossi',
  'Silva',
  'Peeters',
];
