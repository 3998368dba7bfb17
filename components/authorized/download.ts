import { saveBlob } from '@/components/ui/save-blob';

export function downloadText(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}
