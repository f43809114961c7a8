import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Page } from '../../shell/Page';
import { usePartnership } from '../partnership/PartnershipLayout';
import { usePublicFeedbackUrl } from './public-feedback-link';
import './public-feedback.css';

/** The QR code as an SVG data URL: an image the strict CSP allows (`img-src data:`), no inline style. */
async function qrCodeOf(url: string): Promise<string> {
  // Loaded with this page only, so that the app's first load does not carry the encoder.
  const { toString } = await import('qrcode');
  const svg = await toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * For the partnership's administrators: the public feedback form's link and a QR code leading to
 * it, to print (the print stylesheet keeps only the poster: the heading, the code and the link).
 */
export function PublicFeedbackQrPage() {
  const t = useT();
  const { partnershipId, name } = usePartnership();
  const url = usePublicFeedbackUrl(partnershipId);
  const [qrCode, setQrCode] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void qrCodeOf(url).then((dataUrl) => current && setQrCode(dataUrl));
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <Page title={t('publicFeedbackQr.title')} lead={t('publicFeedbackQr.lead', { name })}>
      <section className="qr-poster" aria-labelledby="qr-poster-heading">
        <h2 id="qr-poster-heading">{t('publicFeedbackQr.posterHeading', { name })}</h2>
        {qrCode ? (
          <img
            className="qr-code"
            src={qrCode}
            alt={t('publicFeedbackQr.qrAlt', { name })}
            width={256}
            height={256}
          />
        ) : (
          <p role="status" className="loading">
            {t('state.loading')}
          </p>
        )}
        <p className="qr-link">
          <span className="qr-link-label">{t('publicFeedbackQr.link')}</span>{' '}
          <a href={url}>{url}</a>
        </p>
      </section>
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('publicFeedbackQr.print')}
        </button>
      </p>
    </Page>
  );
}
