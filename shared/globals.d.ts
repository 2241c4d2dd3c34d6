/**
 * The few platform globals shared/ may use: both Node and browsers have
 * them, but the ES library types (all shared/ sees) do not declare them.
 */
interface TextDecoderOptions {
  fatal?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
