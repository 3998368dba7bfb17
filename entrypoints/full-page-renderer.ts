import { defineUnlistedScript } from '#imports';
import { renderFullPage } from '@/utils/evidence/render-in-page';
import { installRenderer } from '@/utils/evidence/renderer-slot';

// Injected by the background into a tab only when a capture renders the full page.
export default defineUnlistedScript(() => {
  installRenderer(window, (imageUrls) => renderFullPage(document, { imageUrls }));
});
