// Firefox may run the extension without access to pages (MV3 host
// permissions are the person's to grant). Say so where they look, and fix it
// with one click.
import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';

export function HostAccessBanner() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void hasHostAccess().then(setGranted);
  }, []);
  if (granted !== false) return null;
  // permissions.request must run inside the click, before anything is awaited.
  const grant = () => void requestHostAccess().then(setGranted);
  return (
    <section class="notice" role="alert" data-testid="host-access">
      <p>{t('popupNoAccess')}</p>
      <button type="button" class="button primary" onClick={grant}>
        {t('grantAccess')}
      </button>
    </section>
  );
}
