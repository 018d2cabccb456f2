import { useEffect } from 'react';

/** Sets the browser tab title to "<page> · EduGov". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · EduGov` : 'EduGov';
  }, [title]);
}
