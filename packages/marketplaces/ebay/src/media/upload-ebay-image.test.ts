import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebaySettings } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs } from '../../test/ebay-spec-validator';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';

const access = { accountId: 'a', externalAccountId: 'u', accessToken: 'seller-token', marketplaceData: {} };
const media = 'https://apim.ebay.com/commerce/media/v1_beta/image';

// No Media API OpenAPI file exists in specs/ebay; these follow eBay's documented request and answer.
describe.runIf(hasEbaySpecs)('eBay image upload (Media API)', () => {
  const mock = createEbayMockServer();
  beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    expect(mock.reset()).toEqual([]);
  });
  afterAll(() => mock.server.close());

  it('creates an image from an HTTPS URL and returns the EPS URL', async () => {
    mock.server.use(
      mock.undocumented('post', `${media}/create_image_from_url`, 'createImageFromUrl', (call) => {
        expect(call.headers.get('authorization')).toBe('Bearer seller-token');
        expect(call.headers.get('content-type')).toBe('application/json');
        expect(JSON.parse(call.body)).toEqual({ imageUrl: 'https://images.example.com/iphone-front.jpg' });
        return {
          status: 201,
          headers: { Location: `${media}/v1%7C1234567890%7C0` },
          body: {
            imageUrl: 'https://i.ebayimg.com/images/g/AbCAAOSwXyZ/s-l1600.jpg',
            expirationDate: '2026-04-30T12:00:00.000Z',
          },
        };
      }),
    );
    const result = await createEbayMarketplace(ebaySettings()).doUploadImage!({
      image: { url: 'https://images.example.com/iphone-front.jpg' },
      access,
    });
    expect(result).toEqual({ imageRef: 'https://i.ebayimg.com/images/g/AbCAAOSwXyZ/s-l1600.jpg' });
  });

  it('uploads bytes as multipart field "image" and follows Location when the body is empty', async () => {
    mock.server.use(
      mock.undocumented('post', `${media}/create_image_from_file`, 'createImageFromFile', async (call) => {
        expect(call.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
        const form = await new Request('https://x.invalid', {
          method: 'POST',
          body: call.bytes,
          headers: call.headers,
        }).formData();
        const file = form.get('image') as File;
        expect(file.type).toBe('image/png');
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
        return { status: 201, headers: { Location: `${media}/v1%7C555%7C0` } };
      }),
      mock.undocumented('get', `${media}/:imageId`, 'getImage', () => ({
        body: {
          imageUrl: 'https://i.ebayimg.com/images/g/PngAAOSw/s-l1600.png',
          expirationDate: '2026-04-30T12:00:00.000Z',
        },
      })),
    );
    const result = await createEbayMarketplace(ebaySettings()).doUploadImage!({
      image: { data: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' },
      access,
    });
    expect(result.imageRef).toBe('https://i.ebayimg.com/images/g/PngAAOSw/s-l1600.png');
    expect(mock.operations()).toEqual(['createImageFromFile', 'getImage']);
  });

  it('refuses non-HTTPS URLs and unsupported types before calling eBay', async () => {
    const adapter = createEbayMarketplace(ebaySettings());
    expect(
      await rejectionOf(
        adapter.doUploadImage!({ image: { url: 'http://images.example.com/a.jpg' }, access }),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'image.url',
    });
    expect(
      await rejectionOf(
        adapter.doUploadImage!({
          image: { data: new Uint8Array([1]), contentType: 'application/pdf' },
          access,
        }),
      ),
    ).toMatchObject({ field: 'image.contentType' });
    expect(mock.calls).toEqual([]);
  });
});
