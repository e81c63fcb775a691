import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Locale, type MessageKey } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  soon: { color: tokens.colorNeutralForeground3 },
});

/** The heading and the one-paragraph description every step starts with. */
export function StepIntro({ locale, title, intro }: { locale: Locale; title: MessageKey; intro: MessageKey }) {
  const styles = useStyles();
  return (
    <section className={styles.root}>
      <Subtitle2 as="h2">{t(locale, title)}</Subtitle2>
      <Body1 as="p">{t(locale, intro)}</Body1>
      <Caption1 as="p" className={styles.soon}>
        {t(locale, 'app.comingSoon')}
      </Caption1>
    </section>
  );
}
