/** A file's bytes as base64, the way main takes binary files over the API. */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  // In slices: spreading a whole 10 MB file into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}
