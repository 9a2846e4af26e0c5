import { useEffect, useState } from 'react';
import { DATA_LOCALE } from '../../i18n';

/**
 * "Voorlezen": the device's own speech synthesis, with a voice of the company's own language
 * (Dutch: the language the instructions are written in, `DATA_LOCALE`). Devices without one get
 * no button at all (a voice of another language reading Dutch would not help anyone).
 * Voices load late on some browsers: the list is read again when it changes.
 */
const LANGUAGE = DATA_LOCALE.split('-')[0]!.toLowerCase();

function dutchVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === LANGUAGE) ?? null;
}

export function useDutchVoice(): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState(dutchVoice);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(dutchVoice());
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', update);
      speechSynthesis.cancel();
    };
  }, []);
  return voice;
}

export function readAloud(voice: SpeechSynthesisVoice, text: string): void {
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voice.lang;
  utterance.voice = voice;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}
