import { useEffect, useRef } from 'react';
import { openClaims } from '../data/queries';
import { useUi } from '../state/ui';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { landingScreen } from './screens';

/**
 * Where someone lands after signing in at the header or the wall: whoever has claims waiting
 * for them on "Bevestigen", a worker on "Mijn vaardigheden", the lead where they were. A
 * sign-in that a screen asked for (a tap on a cell, "Plan iemand in") stays on that screen.
 */
export function useLanding() {
  const person = useSignedInPerson();
  const lands = useUi((s) => s.signInLands);
  const go = useUi((s) => s.go);
  const landed = useRef<string | null>(null);
  useEffect(() => {
    if (!person) {
      landed.current = null;
      return;
    }
    if (landed.current === person.id || !lands) return;
    landed.current = person.id;
    let current = true;
    void openClaims(person, Date.now()).then(({ claims }) => {
      const screen = landingScreen(person, claims.length);
      if (current && screen) go(screen);
    });
    return () => {
      current = false;
    };
  }, [person, lands, go]);
}
