/**
 * English names of the holiday regions that the date-holidays data names only in their own
 * language (asked for in English, it still answers "Sachsen", "Bruxelles"). Only names that differ
 * in English are listed; proper nouns English keeps as they are ("Brandenburg", "Cochabamba") are
 * not. Keyed by `COUNTRY-STATE`, the data's codes.
 */
export const ENGLISH_STATE_NAMES: Readonly<Record<string, string>> = {
  'DE-BY': 'Bavaria', 'DE-HB': 'Bremen', 'DE-HE': 'Hesse', 'DE-HH': 'Hamburg', 'DE-MV': 'Mecklenburg-Western Pomerania',
  'DE-NI': 'Lower Saxony', 'DE-NW': 'North Rhine-Westphalia', 'DE-RP': 'Rhineland-Palatinate', 'DE-SN': 'Saxony',
  'DE-ST': 'Saxony-Anhalt', 'DE-TH': 'Thuringia',
  'BE-BRU': 'Brussels', 'BE-DE': 'German-speaking Community', 'BE-VLG': 'Flemish Community', 'BE-WAL': 'French Community',
  'ES-AN': 'Andalusia', 'ES-AR': 'Aragon', 'ES-CE': 'Ceuta', 'ES-MD': 'Community of Madrid', 'ES-ML': 'Melilla', 'ES-MC': 'Region of Murcia',
  'FR-57': 'Moselle', 'FR-67': 'Bas-Rhin', 'FR-68': 'Haut-Rhin', 'FR-YT': 'Mayotte', 'FR-MQ': 'Martinique', 'FR-GP': 'Guadeloupe',
  'FR-GF': 'French Guiana', 'FR-RE': 'Réunion', 'FR-MF': 'Saint Martin', 'FR-BL': 'Saint Barthélemy',
  'IT-32': 'South Tyrol', 'CL-AP': 'Arica and Parinacota', 'BR-DF': 'Federal District',
};
