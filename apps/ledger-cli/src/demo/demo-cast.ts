import type { Principal } from '@cohesion/application';

/**
 * Who takes part in the demo: fictional organisations and people of Montclair, a fictional
 * mid-sized French city, modelled on the partners such programmes really bring together.
 */
export const PARTNERS = {
  vernet: {
    partnerId: 'groupe-vernet',
    name: 'Groupe Vernet Logistique',
    sub: 'c-durand',
  },
  sosJeunes: {
    partnerId: 'sos-jeunes',
    name: 'SOS Jeunes Montclair',
    sub: 'm-haddad',
  },
  capTutorat: { partnerId: 'cap-tutorat', name: 'Cap Tutorat', sub: 'l-nguyen' },
  ville: {
    partnerId: 'ville-montclair',
    name: 'Ville de Montclair',
    sub: 'a-lefebvre',
  },
  college: {
    partnerId: 'college-jean-moulin',
    name: 'Collège Jean Moulin',
    sub: 'principal-jean-moulin',
  },
  parents: {
    partnerId: 'parents-tilleuls',
    name: 'Collectif des parents des Tilleuls',
    sub: 'f-diallo',
  },
  fondation: {
    partnerId: 'fondation-solidarite-loire',
    name: 'Fondation Solidarité Loire',
    sub: 'j-moreau',
  },
  maison: {
    partnerId: 'maison-des-cultures',
    name: 'Maison des Cultures du Monde',
    sub: 'y-benali',
  },
  departement: {
    partnerId: 'departement-loire',
    name: 'Conseil départemental',
    sub: 's-petit',
  },
  ligue: {
    partnerId: 'ligue-droits-montclair',
    name: "Ligue des droits de l'Homme — section de Montclair",
    sub: 'r-garcia',
  },
  conseilCitoyen: {
    partnerId: 'conseil-citoyen-bel-air',
    name: 'Conseil citoyen de Bel-Air',
    sub: 'n-kone',
  },
  radio: { partnerId: 'radio-horizon', name: 'Radio Horizon', sub: 'p-martin' },
  mediatheque: {
    partnerId: 'mediatheque-louise-michel',
    name: 'Médiathèque Louise Michel',
    sub: 'e-roux',
  },
} as const;

export type DemoPartner = (typeof PARTNERS)[keyof typeof PARTNERS];

/** The person acting for the partner. */
export const as = (partner: DemoPartner): Principal => ({
  sub: partner.sub,
  partnerId: partner.partnerId,
  roles: ['partner'],
});

export const ADMIN: Principal = { sub: 'coordination-montclair', roles: ['admin'] };

export const MEDIATORS = {
  claire: { sub: 'claire-martin', roles: ['mediator'] },
  jean: { sub: 'jean-roux', roles: ['mediator'] },
  karim: { sub: 'karim-saidi', roles: ['mediator'] },
} as const satisfies Record<string, Principal>;

/** Residents giving feedback: authenticated, but no partner's member. */
export const resident = (sub: string): Principal => ({ sub, roles: [] });
