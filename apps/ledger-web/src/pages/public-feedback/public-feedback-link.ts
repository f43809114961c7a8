import { useHref } from 'react-router';

/** The page path of a partnership's public feedback form, inside the app. */
export const publicFeedbackPath = (partnershipId: string) =>
  `/p/${encodeURIComponent(partnershipId)}/feedback`;

/** The full address of the form, as shared as a link and printed under its QR code. */
export function usePublicFeedbackUrl(partnershipId: string): string {
  return `${window.location.origin}${useHref(publicFeedbackPath(partnershipId))}`;
}
