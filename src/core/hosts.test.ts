import { describe, expect, it } from 'vitest';
import { compileHostIndex, providersForHost, providersForUrl } from './hosts';

const index = compileHostIndex([
  { id: 'microsoft-azure', domains: ['azure.microsoft.com', 'azure.com', 'windows.net', 'azurewebsites.net'] },
  { id: 'oracle-cloud', domains: ['oracle.com/cloud', 'oraclecloud.com'] },
  { id: 'ovhcloud', domains: ['ovhcloud.com', 'OVH.net.', 'www.ovh.fr'] },
  { id: 'heroku', domains: ['heroku.com', 'herokuapp.com'] },
  { id: 'salesforce', domains: ['my.salesforce.com'] },
  { id: 'public-sector', domains: ['gouv.fr'] },
  { id: 'broken', domains: ['', '..', 'not a domain', '192.168.0.1', 42 as unknown as string] },
]);

describe('providersForUrl', () => {
  it('maps a host equal to a provider domain', () => {
    expect(providersForUrl(index, 'https://azure.com/')).toEqual(['microsoft-azure']);
    expect(providersForUrl(index, 'https://oraclecloud.com')).toEqual(['oracle-cloud']);
  });

  it('maps subdomains, at any depth', () => {
    expect(providersForUrl(index, 'https://azure.microsoft.com/fr-fr/')).toEqual(['microsoft-azure']);
    expect(providersForUrl(index, 'https://myaccount.blob.core.windows.net/c/x.png')).toEqual(['microsoft-azure']);
    expect(providersForUrl(index, 'https://my-app.herokuapp.com/')).toEqual(['heroku']);
    expect(providersForUrl(index, 'https://eu.my.salesforce.com/home')).toEqual(['salesforce']);
  });

  it('does not map the parent of a listed subdomain, or its siblings', () => {
    expect(providersForUrl(index, 'https://microsoft.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://www.microsoft.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://salesforce.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://login.salesforce.com/')).toEqual([]);
  });

  it('handles upper case, trailing dots, www., ports, credentials, query and fragment', () => {
    expect(providersForUrl(index, 'HTTPS://WWW.OVHCLOUD.COM/FR/')).toEqual(['ovhcloud']);
    expect(providersForUrl(index, 'https://www.ovhcloud.com./')).toEqual(['ovhcloud']);
    expect(providersForUrl(index, 'https://ovh.net:8443/x?y=1#z')).toEqual(['ovhcloud']);
    expect(providersForUrl(index, 'https://user:pw@api.ovh.net/')).toEqual(['ovhcloud']);
    // A listed www. domain covers the bare domain too.
    expect(providersForUrl(index, 'https://ovh.fr/')).toEqual(['ovhcloud']);
  });

  it('requires the path prefix of a domain given with a path', () => {
    expect(providersForUrl(index, 'https://www.oracle.com/cloud/')).toEqual(['oracle-cloud']);
    expect(providersForUrl(index, 'https://www.oracle.com/cloud')).toEqual(['oracle-cloud']);
    expect(providersForUrl(index, 'https://www.oracle.com/Cloud/compute/?x=1')).toEqual(['oracle-cloud']);
    expect(providersForUrl(index, 'https://www.oracle.com/database/')).toEqual([]);
    expect(providersForUrl(index, 'https://www.oracle.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://www.oracle.com/cloudy')).toEqual([]);
    expect(providersForUrl(index, 'https://www.oracle.com/x/cloud/')).toEqual([]);
  });

  it('never maps look-alike hosts', () => {
    expect(providersForUrl(index, 'https://evil-azure.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://azure.com.evil.net/')).toEqual([]);
    expect(providersForUrl(index, 'https://notazure.com/')).toEqual([]);
    expect(providersForUrl(index, 'https://azure.co/')).toEqual([]);
    expect(providersForUrl(index, 'https://evil.net/azure.com')).toEqual([]);
    expect(providersForUrl(index, 'https://azure.com@evil.net/')).toEqual([]);
    expect(providersForUrl(index, 'https://oracle.com.evil.net/cloud/')).toEqual([]);
  });

  it('returns [] for IP addresses', () => {
    expect(providersForUrl(index, 'http://192.168.0.1/')).toEqual([]);
    expect(providersForUrl(index, 'http://[::1]:8080/')).toEqual([]);
    expect(providersForUrl(index, 'http://[2001:db8::1]/')).toEqual([]);
  });

  it('returns [] for invalid URLs and non-web schemes', () => {
    for (const url of ['', 'not a url', 'azure.com', '//azure.com', 'http://', 'file:///C:/azure.com', 'about:blank', 'chrome-extension://abc/popup.html', 'data:text/html,azure.com', 'javascript:alert(1)', 'mailto:a@azure.com']) {
      expect(providersForUrl(index, url), url).toEqual([]);
    }
    expect(providersForUrl(index, null as unknown as string)).toEqual([]);
  });

  it('accepts websocket URLs (resources a page loads)', () => {
    expect(providersForUrl(index, 'wss://realtime.azurewebsites.net/socket')).toEqual(['microsoft-azure']);
  });

  it('handles a domain that is a public suffix itself', () => {
    expect(providersForUrl(index, 'https://www.data.gouv.fr/fr/')).toEqual(['public-sector']);
    expect(providersForUrl(index, 'https://gouv.fr/')).toEqual(['public-sector']);
    expect(providersForUrl(index, 'https://gouv.fr.example.com/')).toEqual([]);
  });

  it('returns every provider that claims the host, in input order, once each', () => {
    const both = compileHostIndex([
      { id: 'custom', domains: ['blob.core.windows.net', 'windows.net'] },
      { id: 'microsoft-azure', domains: ['windows.net', 'windows.net'] },
    ]);
    expect(providersForUrl(both, 'https://x.blob.core.windows.net/')).toEqual(['custom', 'microsoft-azure']);
    expect(providersForUrl(both, 'https://login.windows.net/')).toEqual(['custom', 'microsoft-azure']);
  });

  it('maps IDN hosts by their punycode form', () => {
    const idn = compileHostIndex([{ id: 'bucher', domains: ['xn--bcher-kva.example'] }]);
    expect(providersForUrl(idn, 'https://www.bücher.example/')).toEqual(['bucher']);
    expect(providersForHost(idn, 'bücher.example')).toEqual(['bucher']);
  });

  it('skips invalid domains without throwing', () => {
    expect(() => compileHostIndex([{ id: 'x', domains: null as unknown as string[] }, null as never])).not.toThrow();
  });
});

describe('providersForHost', () => {
  it('maps a host name, with or without port, www. or trailing dot', () => {
    expect(providersForHost(index, 'azure.microsoft.com')).toEqual(['microsoft-azure']);
    expect(providersForHost(index, 'WWW.OVHCLOUD.COM.')).toEqual(['ovhcloud']);
    expect(providersForHost(index, 'api.ovh.net:443')).toEqual(['ovhcloud']);
  });

  it('never matches a domain that needs a path', () => {
    expect(providersForHost(index, 'oracle.com')).toEqual([]);
    expect(providersForHost(index, 'cloud.oraclecloud.com')).toEqual(['oracle-cloud']);
  });

  it('returns [] for IPs, look-alikes and garbage', () => {
    for (const host of ['', ' ', '10.0.0.1', '[::1]', 'evil-azure.com', 'azure.com.evil.net', 'azure.com/x', 'a b', 'x@azure.com']) {
      expect(providersForHost(index, host), host).toEqual([]);
    }
  });
});
