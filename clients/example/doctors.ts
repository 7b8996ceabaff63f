// Search results and a doctor's agenda as a screen shows them, from the generated types: a change of
// a field's type or name in the schema makes this file stop compiling, before any user sees it.
import type {
  DoctorAgendaQuery,
  DoctorCardFragment,
  SearchDoctorsQuery,
  SearchDoctorsQueryVariables,
} from '@healthmed/graphql/operations';

/** One line of the results list. User-facing text is Portuguese. */
export interface DoctorCard {
  readonly id: string;
  readonly name: string;
  readonly specialties: string;
  readonly price: string;
  readonly rating: string;
  readonly distance: string;
  readonly nextSlotStart: string | null;
}

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** Cardiologists within 10 km of Avenida Paulista, 20 per page. */
export const firstPage: SearchDoctorsQueryVariables = {
  filter: { specialty: 'CARDIOLOGIA', near: { latitude: -23.5614, longitude: -46.6559 }, radiusKm: 10 },
  sort: 'DISTANCE',
  first: 20,
};

/** The variables of the page after `page`, or null on the last page. */
export function nextPage(
  variables: SearchDoctorsQueryVariables,
  page: SearchDoctorsQuery['searchDoctors'],
): SearchDoctorsQueryVariables | null {
  const { hasNextPage, endCursor } = page.pageInfo;
  return hasNextPage && endCursor !== null ? { ...variables, after: endCursor } : null;
}

export function priceLabel(price: number | null): string {
  return price === null ? 'Preço não informado' : brl.format(price);
}

export function card(doctor: DoctorCardFragment, distanceKm: number, nextSlotStart: string | null): DoctorCard {
  // A price is a JSON number today (BigDecimal); this line is where the switch to Money shows.
  const price: number | null = doctor.consultationPrice;
  const average: number | null = doctor.rating.average;
  return {
    id: doctor.id,
    name: doctor.name,
    specialties: doctor.specialties.map((specialty) => specialty.name).join(', '),
    price: priceLabel(price),
    rating: average === null ? 'Sem avaliações' : `${average.toFixed(1)} (${doctor.rating.count})`,
    distance: `${distanceKm.toFixed(1)} km`,
    nextSlotStart,
  };
}

export function cards(data: SearchDoctorsQuery): DoctorCard[] {
  return data.searchDoctors.edges.map((edge) =>
    card(edge.doctor, edge.distanceKm, edge.nextAvailableSlot?.start ?? null),
  );
}

/** The agenda's slots a patient can book, with their price, as (slotId, start, label). */
export function bookable(data: DoctorAgendaQuery): Array<{ slotId: string; start: string; price: string }> {
  return data.doctorAgenda
    .filter((slot) => slot.available)
    .map((slot) => ({ slotId: slot.id, start: slot.start, price: priceLabel(slot.price) }));
}
