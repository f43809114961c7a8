import type { Principal } from '@cohesion/application';

/**
 * Who takes part in the demo: fictional organisations and people of Montclair, a fictional
 * mid-sized French city, modelled on the partners such programmes really bring together.
 */
export const PARTNERS = {
  vernet: {
    partnerId: 'groupe-vernet',
    name: 'Groupe Vernet Logistique',
    sub: 'c.durand@groupe-vernet.fr',
  },
  sosJeunes: {
    partnerId: 'sos-jeunes',
    name: 'SOS Jeunes Montclair',
    sub: 'm.haddad@sosjeunes-montclair.org',
  },
  capTutorat: { partnerId: 'cap-tutorat', name: 'Cap Tutorat', sub: 'l.nguyen@cap-tutorat.org' },
  ville: {
    partnerId: 'ville-montclair',
    name: 'Ville de Montclair',
    sub: 'a.lefebvre@montclair.fr',
  },
  college: {
    partnerId: 'college-jean-moulin',
    name: 'Collège Jean Moulin',
    sub: 'principal@clg-jeanmoulin.fr',
  },
  parents: {
    partnerId: 'parents-tilleuls',
    name: 'Collectif des parents des Tilleuls',
    sub: 'f.diallo@parents-tilleuls.fr',
  },
  fondation: {
    partnerId: 'fondation-solidarite-loire',
    name: 'Fondation Solidarité Loire',
    sub: 'j.moreau@fondation-sl.org',
  },
  maison: {
    partnerId: 'maison-des-cultures',
    name: 'Maison des Cultures du Monde',
    sub: 'y.benali@maisondescultures.org',
  },
  departement: {
    partnerId: 'departement-loire',
    name: 'Conseil départemental',
    sub: 's.petit@departement-loire.fr',
  },
  ligue: {
    partnerId: 'ligue-droits-montclair',
    name: "Ligue des droits de l'Homme — section de Montclair",
    sub: 'r.garcia@ldh-montclair.org',
  },
  conseilCitoyen: {
    partnerId: 'conseil-citoyen-bel-air',
    name: 'Conseil citoyen de Bel-Air',
    sub: 'n.kone@cc-belair.fr',
  },
  radio: { partnerId: 'radio-horizon', name: 'Radio Horizon', sub: 'p.martin@radiohorizon.fr' },
  mediatheque: {
    partnerId: 'mediatheque-louise-michel',
    name: 'Médiathèque Louise Michel',
    sub: 'e.roux@mediatheque-montclair.fr',
  },
} as const;

export type DemoPartner = (typeof PARTNERS)[keyof typeof PARTNERS];

/** The person acting for the partner. */
export const as = (partner: DemoPartner): Principal => ({
  sub: partner.sub,
  partnerId: partner.partnerId,
  roles: ['partner'],
});

export const ADMIN: Principal = { sub: 'coordination@montclair.fr', roles: ['admin'] };

export const MEDIATORS = {
  claire: { sub: 'claire.martin@mediation-montclair.fr', roles: ['mediator'] },
  jean: { sub: 'jean.roux@mediation-montclair.fr', roles: ['mediator'] },
  karim: { sub: 'karim.saidi@mediation-montclair.fr', roles: ['mediator'] },
} as const satisfies Record<string, Principal>;

/** Residents giving feedback: authenticated, but no partner's member. */
export const resident = (sub: string): Principal => ({ sub, roles: [] });
