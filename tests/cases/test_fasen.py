"""The phases table (cases.fasen) is the one list of statuses the workflow and the pages read."""

from __future__ import annotations

from cases import fasen
from cases.model import Status
from ui.pages.casussen import FASE_FILTERS


def test_every_status_has_one_row_whose_labels_name_its_phase():
    assert list(fasen.STATUSSEN) != [] and set(fasen.STATUSSEN) == set(Status)
    for status, rij in fasen.STATUSSEN.items():
        assert rij.status is status
        assert rij.label.startswith(f"Fase {rij.fase}: ") and rij.kort.startswith(f"{rij.fase} ")
        assert (status.fase, status.label, status.kort) == (rij.fase, rij.label, rij.kort)


def test_phase_filters_on_the_overview_split_all_statuses_without_overlap():
    per_fase = [set(FASE_FILTERS[f.filter_label]) for f in fasen.FASEN]
    lopend, archief = set(FASE_FILTERS["Lopend (fase 1 t/m 4, zonder archief)"]), set(FASE_FILTERS["Archief"])
    assert set().union(*per_fase) == lopend and sum(map(len, per_fase)) == len(lopend)
    assert lopend | archief == {s.value for s in Status} and not lopend & archief
    assert archief == {"archief"} and FASE_FILTERS["Alles"] is None


def test_only_archived_statuses_are_read_only_and_only_fase_3_records_interventions():
    assert [s for s in Status if s.gearchiveerd] == [Status.ARCHIEF]
    assert {s for s, r in fasen.STATUSSEN.items() if r.interventies} == {s for s in Status if s.fase == 3}
