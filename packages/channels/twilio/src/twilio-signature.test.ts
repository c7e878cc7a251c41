import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, isValidTwilioSignature } from './twilio-signature';

// Twilio's published example ("Validating requests are coming from Twilio", also in twilio-php's
// docs/usage/validation.rst): auth token 12345, this URL and these POST parameters.
const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const publishedSignature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('X-Twilio-Signature', () => {
  it('reproduces the published test vector', () => {
    expect(computeTwilioSignature(token, url, params)).toBe(publishedSignature);
    expect(isValidTwilioSignature({ authToken: token, url, params, signature: publishedSignature })).toBe(
      true,
    );
  });

  it('does not depend on the order the parameters arrive in', () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(computeTwilioSignature(token, url, reversed)).toBe(publishedSignature);
  });

  it('rejects a changed parameter, URL, token or signature', () => {
    const check = (changes: Partial<Parameters<typeof isValidTwilioSignature>[0]>) =>
      isValidTwilioSignature({ authToken: token, url, params, signature: publishedSignature, ...changes });
    expect(check({ params: { ...params, Digits: '1235' } })).toBe(false);
    expect(check({ params: { ...params, Extra: '' } })).toBe(false);
    expect(check({ url: 'https://mycompany.com/myapp.php?foo=1&bar=3' })).toBe(false);
    expect(check({ authToken: '12346' })).toBe(false);
    expect(check({ signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B9=' })).toBe(false);
    expect(check({ signature: 'short' })).toBe(false);
    expect(check({ signature: '' })).toBe(false);
    expect(check({ signature: null })).toBe(false);
  });

  it('accepts the URL with or without the default port, as Twilio signs either way', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    const signedWithPort = computeTwilioSignature(token, withPort, params);
    expect(signedWithPort).not.toBe(publishedSignature);
    expect(isValidTwilioSignature({ authToken: token, url, params, signature: signedWithPort })).toBe(true);
    expect(
      isValidTwilioSignature({ authToken: token, url: withPort, params, signature: publishedSignature }),
    ).toBe(true);
    const otherPort = computeTwilioSignature(
      token,
      'https://mycompany.com:8443/myapp.php?foo=1&bar=2',
      params,
    );
    expect(isValidTwilioSignature({ authToken: token, url, params, signature: otherPort })).toBe(false);
  });

  it('signs repeated parameters once per distinct value, sorted', () => {
    const repeated = {
      MediaUrl: ['https://b.example/2.jpg', 'https://a.example/1.jpg', 'https://a.example/1.jpg'],
    };
    const expected = computeTwilioSignature(token, url, {});
    expect(computeTwilioSignature(token, url, repeated)).not.toBe(expected);
    const manual = computeTwilioSignature(
      token,
      `${url}MediaUrlhttps://a.example/1.jpgMediaUrlhttps://b.example/2.jpg`,
      {},
    );
    expect(computeTwilioSignature(token, url, repeated)).toBe(manual);
  });
});
