package io.stylegraph.training.regions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.stylegraph.training.report.Machine;
import io.stylegraph.training.report.Provenance;

/** What a {@link RegionEvaluation} measured, as {@code evaluate-regions} writes it to {@code regions-<name>.json}. */
public record RegionReport(String name, String folder, String command, String gitRevision, String startedAt,
                           String finishedAt, Machine machine, Map<String, Object> data,
                           List<Source> sources, List<String> notes) {

    /** The run's command, revision, times and machine. */
    @JsonIgnore
    public Provenance provenance() {
        return new Provenance(command, gitRevision, startedAt, finishedAt, machine);
    }

    /**
     * One region source's scores.
     *
     * @param framing        {@code as photographed}, or {@code off-centre copies} (synthetic, see the notes)
     * @param slots          the slots it can produce
     * @param bySlot         per annotated slot
     * @param overSlots      over the boxes of the slots it produces
     * @param overall        over all annotated boxes
     * @param msPerPhoto     mean milliseconds per photo to find the regions (one thread, decoding excluded); NaN
     *                       where not measured
     */
    public record Source(String label, String framing, String description, List<String> slots, Map<String, SlotScore> bySlot,
                         SlotScore overSlots, SlotScore overall, double msPerPhoto) {
    }
}
