// Media that is already compressed is stored; deflating it again costs time and saves nothing.
// Text (HTML, MHTML, JSON, chat logs) is deflated.

const STORED_TYPES = /^(image\/(png|jpeg|gif|webp|avif|heic)|video\/|audio\/|application\/(zip|gzip|x-7z-compressed|pdf))/;
const STORED_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|heic|mp4|webm|mp3|zip|gz|7z|pdf)$/i;

export function shouldDeflate(path: string, mediaType: string): boolean {
  return !STORED_TYPES.test(mediaType.toLowerCase()) && !STORED_EXTENSIONS.test(path);
}
