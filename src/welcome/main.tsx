// First-run page: explains what the extension reads and, where the browser
// has not granted it yet (Firefox), asks for access to pages in one click.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';
import { t, uiLanguage } from '../shared/i18n';

function Welcome() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void hasHostAccess().then(setGranted);
  }, []);
  const grant = () => {
    void requestHostAccess().then(setGranted);
  };
  return (
    <>
      <h1>
        <img src="../../icons/icon-48.png" alt="" /> {t('welcomeTitle')}
      </h1>
      <p>{t('welcomeIntro')}</p>
      <p>{t('welcomePrivacy')}</p>
      {granted === false && (
        <section aria-labelledby="access">
          <h2 id="access">{t('welcomeAccessTitle')}</h2>
          <p>{t('welcomeAccessWhy')}</p>
          <button type="button" data-testid="grant-access" onClick={grant}>
            {t('grantAccess')}
          </button>
        </section>
      )}
      {granted === true && (
        <p class="status ok" role="status">
          {t('welcomeAccessOk')}
        </p>
      )}
      <p class="muted">{t('welcomeLanguage')}</p>
    </>
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
