/** Credentials shaped like real ones; the token is a recognisable secret for leak checks. */
export const accountSid = 'AC0123456789abcdef0123456789abcdef';
export const authToken = 'secret-auth-token-5f1c2e9a7b';
export const verifyServiceSid = 'VA0123456789abcdef0123456789abcdef';
export const messagingServiceSid = 'MG0123456789abcdef0123456789abcdef';
export const fromNumber = '+15005550006';
export const messagesPath = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
export const messagesUrl = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`;
