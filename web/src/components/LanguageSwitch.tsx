/** Switches between Vietnamese and English. Its name is the language it switches to ("English" / "Tiếng Việt"). */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import { GlobeIcon } from './icons';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<GlobeIcon size={16} />}
      lang={target}
      onClick={() => void changeLanguage(target)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
