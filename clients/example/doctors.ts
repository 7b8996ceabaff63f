// Search results and a doctor's agenda as a screen shows them, from the generated types: a change of
// a field's type or name in the schema makes this file stop compiling, before any user sees it.
import type {
  DoctorAgendaQuery,
  DoctorCardFragment,
  SearchDoctorsQuery,
  SearchDoctorsQueryVariables,
} from '@healthmed/graphql/operations';
import { priceLabel } from './money';

type SearchPage = NonNullable<SearchDoctorsQuery['searchDoctors']>;
type NextSlot = SearchPage['edges'][number]['nextAvailableSlot'];

/** One line of the results list. User-facing text is Portuguese. */
export interface DoctorCard {
  readonly id: string;
  readonly name: string;
  readonly specialties: string;
  readonly price: string;
  readonly rating: string;
  readonly distance: string;
  /** The earliest free slot: its id is the Slot's global id, for bookAppointment(slotId:) as it is. */
  readonly nextSlot: { readonly id: string; readonly start: string } | null;
}

/** Cardiologists within 10 km of Avenida Paulista, 20 per page. */
export const firstPage: SearchDoctorsQueryVariables = {
  filter: { specialty: 'CARDIOLOGIA', near: { latitude: -23.5614, longitude: -46.6559 }, radiusKm: 10 },
  sort: 'DISTANCE',
  first: 20,
};

/** The variables of the page after `page`, or null on the last page. The search reads forwards only. */
export function nextPage(variables: SearchDoctorsQueryVariables, page: SearchPage): SearchDoctorsQueryVariables | null {
  const { hasNextPage, endCursor } = page.pageInfo;
  return hasNextPage && endCursor !== null ? { ...variables, after: endCursor } : null;
}

export function card(doctor: DoctorCardFragment, distanceKm: number, nextSlot: NextSlot): DoctorCard {
  const average: number | null = doctor.rating.average;
  return {
    id: doctor.id,
    name: doctor.name,
    specialties: doctor.specialties.map((specialty) => specialty.name).join(', '),
    price: priceLabel(doctor.consultationPrice),
    rating: average === null ? 'Sem avaliações' : `${average.toFixed(1)} (${doctor.rating.count})`,
    distance: `${distanceKm.toFixed(1)} km`,
    nextSlot: nextSlot === null ? null : { id: nextSlot.id, start: nextSlot.start },
  };
}

/** The cards of a page, or null when the search was refused (errors say why): never "nobody found". */
export function cards(data: SearchDoctorsQuery): DoctorCard[] | null {
  const page = data.searchDoctors;
  if (page === null) {
    return null;
  }
  return page.edges.map((edge) => card(edge.node, edge.distanceKm, edge.nextAvailableSlot));
}

/** The agenda's slots a patient can book, with their price, as (slotId, start, label). */
export function bookable(data: DoctorAgendaQuery): Array<{ slotId: string; start: string; price: string }> {
  return data.doctorAgenda
    .filter((slot) => slot.available)
    .map((slot) => ({ slotId: slot.id, start: slot.start, price: priceLabel(slot.price) }));
}
