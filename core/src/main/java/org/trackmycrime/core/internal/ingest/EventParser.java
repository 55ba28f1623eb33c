package org.trackmycrime.core.internal.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Emails;
import org.trackmycrime.core.internal.ingest.RecordEvent.EventType;
import org.trackmycrime.core.model.BailChange;
import org.trackmycrime.core.model.ContactDetails;
import org.trackmycrime.core.model.EnhancedReason;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.ReleaseType;

/**
 * Reads and validates one record event v1 document, exactly as the contract says. Every broken rule
 * is reported with the field's path ({@code data.victims[0].mobile}); problems never quote the
 * input, so they are safe to show and store beside the raw text.
 */
final class EventParser {
  static final String SCHEMA = "trackmycrime.record-event/1";

  /** Far above any valid event (4000-character texts, 20 victims), far below harm. */
  static final int MAX_DOCUMENT_CHARS = 256 * 1024;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "schema",
          "eventId",
          "source",
          "force",
          "crimeReference",
          "sequence",
          "occurredAt",
          "type",
          "data");

  private final ObjectMapper mapper;

  EventParser() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(MAX_DOCUMENT_CHARS)
                    .maxNumberLength(40)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** The parsed event, or the problems that make it invalid. */
  sealed interface Result {}

  record Parsed(RecordEvent event) implements Result {}

  /**
   * @param source the event's source when it could be read, else null
   * @param eventId the event's id when it could be read, else null
   * @param force the event's force when it is a valid slug, else null
   */
  record Invalid(List<Problem> problems, String source, String eventId, String force)
      implements Result {}

  Result parse(String json) {
    if (json.length() > MAX_DOCUMENT_CHARS) {
      return new Invalid(
          List.of(new Problem("$", "must be at most " + MAX_DOCUMENT_CHARS + " characters")),
          null,
          null,
          null);
    }
    JsonNode root;
    try (JsonParser p = mapper.createParser(json)) {
      root = mapper.readTree(p);
      if (root != null && p.nextToken() != null) {
        return invalid("$", "must hold exactly one JSON value");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      return invalid("$", "is not valid JSON" + where + ": " + reason(e));
    } catch (java.io.IOException e) {
      return invalid("$", "could not be read");
    }
    if (root == null || !root.isObject()) {
      return invalid("$", "must be a JSON object");
    }
    return new Reader((ObjectNode) root).read();
  }

  private static Invalid invalid(String field, String rule) {
    return new Invalid(List.of(new Problem(field, rule)), null, null, null);
  }

  /** Jackson's reason without the offending token, which may be personal data. */
  private static String reason(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("Unexpected end-of-input")) {
      return "unexpected end of input";
    }
    if (m.contains("Duplicate field")) {
      return "a field appears twice";
    }
    if (m.contains("nesting depth")) {
      return "nested too deeply";
    }
    if (m.contains("length") && m.contains("exceeds")) {
      return "a value is too long";
    }
    return "unexpected character or token";
  }

  /** Reads one document, collecting every problem. */
  private static final class Reader {
    private final ObjectNode root;
    private final List<Problem> problems = new ArrayList<>();

    Reader(ObjectNode root) {
      this.root = root;
    }

    Result read() {
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!TOP_LEVEL.contains(name)) {
          problem(name, "is not a field of record event v1 (unknown top-level fields are refused)");
        }
      }
      String schema = string(root, "schema", "schema", true, 1, 64);
      if (schema != null && !SCHEMA.equals(schema)) {
        problem("schema", "must be exactly " + SCHEMA);
      }
      String eventId = pattern(root, "eventId", ID, "1-128 characters of A-Z a-z 0-9 . _ : -");
      String source = pattern(root, "source", SOURCE, "1-64 characters of A-Z a-z 0-9 . _ : -");
      String force = string(root, "force", "force", true, 1, 64);
      if (force != null && !SLUG.matcher(force).matches()) {
        problem("force", "must be a lower-case slug such as avon-and-somerset");
        force = null;
      }
      String crimeRef = string(root, "crimeReference", "crimeReference", true, 1, 64);
      Long sequence = null;
      JsonNode seq = root.get("sequence");
      if (seq != null) {
        if (!seq.isIntegralNumber()
            || !seq.canConvertToLong()
            || seq.asLong() < 0
            || seq.asLong() == Long.MAX_VALUE) {
          problem("sequence", "must be an integer of at least 0");
        } else {
          sequence = seq.asLong();
        }
      }
      Instant occurredAt = dateTime(root, "occurredAt", "occurredAt", true);
      EventType type = null;
      String typeText = string(root, "type", "type", true, 1, 64);
      if (typeText != null) {
        try {
          type = EventType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
          problem("type", "must be one of " + List.of(EventType.values()));
        }
      }
      JsonNode data = root.get("data");
      RecordEvent.Data parsedData = null;
      if (data == null) {
        problem("data", "is required");
      } else if (!data.isObject()) {
        problem("data", "must be an object");
      } else if (type != null) {
        parsedData = data(type, (ObjectNode) data);
      }
      if (!problems.isEmpty()) {
        return new Invalid(problems, source, eventId, force);
      }
      return new Parsed(
          new RecordEvent(
              eventId, source, force, crimeRef, sequence, occurredAt, type, parsedData));
    }

    private RecordEvent.Data data(EventType type, ObjectNode d) {
      return switch (type) {
        case CRIME_RECORDED -> crimeRecorded(d);
        case RISK_ASSESSED -> {
          String victimRef = string(d, "victimRef", "data.victimRef", true, 1, 64);
          Boolean suitable = bool(d, "suitable", "data.suitable", true);
          String assessedBy = string(d, "assessedBy", "data.assessedBy", true, 1, 64);
          List<String> codes = strings(d, "reasonCodes", "data.reasonCodes", false, 0, 64);
          String note = string(d, "note", "data.note", false, 1, 4000);
          yield new RecordEvent.RiskAssessed(
              victimRef, Boolean.TRUE.equals(suitable), assessedBy, codes, note);
        }
        case OFFICER_ASSIGNED -> {
          ObjectNode o = object(d, "officer", "data.officer", true);
          if (o == null) {
            yield null;
          }
          yield new RecordEvent.OfficerAssigned(
              string(o, "ref", "data.officer.ref", true, 1, 64),
              string(o, "displayName", "data.officer.displayName", true, 1, 100),
              string(o, "rank", "data.officer.rank", false, 0, 64),
              string(o, "unit", "data.officer.unit", false, 0, 100),
              email(o, "email", "data.officer.email"));
        }
        case SUSPECT_IDENTIFIED, WITNESS_IDENTIFIED ->
            new RecordEvent.PersonIdentified(
                personRef(d), strings(d, "names", "data.names", false, 0, 200));
        case SUSPECT_ARRESTED, SUSPECT_INTERVIEWED -> new RecordEvent.PersonEvent(personRef(d));
        case SUSPECT_RELEASED ->
            new RecordEvent.SuspectReleased(
                personRef(d),
                enumValue(d, "releaseType", "data.releaseType", ReleaseType.class, true),
                string(d, "bailConditions", "data.bailConditions", false, 1, 4000));
        case BAIL_CHANGED ->
            new RecordEvent.BailChanged(
                personRef(d),
                enumValue(d, "change", "data.change", BailChange.class, true),
                string(d, "bailConditions", "data.bailConditions", false, 1, 4000));
        case SUSPECT_CHARGED -> {
          String personRef = personRef(d);
          List<String> charges = strings(d, "charges", "data.charges", true, 1, 500);
          if (charges.isEmpty() && d.has("charges")) {
            problem("data.charges", "must hold at least one charge");
          }
          LocalDate date = null;
          String court = null;
          ObjectNode hearing = object(d, "firstHearing", "data.firstHearing", false);
          if (hearing != null) {
            String dateText = string(hearing, "date", "data.firstHearing.date", true, 1, 10);
            if (dateText != null) {
              try {
                date = LocalDate.parse(dateText);
              } catch (DateTimeParseException e) {
                problem("data.firstHearing.date", "must be a date such as 2026-04-16");
              }
            }
            court = string(hearing, "court", "data.firstHearing.court", false, 0, 200);
          }
          yield new RecordEvent.SuspectCharged(personRef, charges, date, court);
        }
        case NOT_INVESTIGATED ->
            new RecordEvent.Reason(string(d, "reason", "data.reason", true, 1, 4000));
        case CASE_CLOSED, CASE_REOPENED ->
            new RecordEvent.Reason(string(d, "reason", "data.reason", false, 1, 4000));
        case PROPERTY_RECORDED -> {
          Long value = null;
          JsonNode v = d.get("estimatedValuePence");
          if (v != null) {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
              problem("data.estimatedValuePence", "must be an integer of at least 0");
            } else {
              value = v.asLong();
            }
          }
          yield new RecordEvent.PropertyRecorded(
              string(d, "itemRef", "data.itemRef", true, 1, 64),
              string(d, "description", "data.description", true, 1, 500),
              enumValue(d, "status", "data.status", PropertyStatus.class, true),
              value);
        }
        case OFFICER_UPDATE ->
            new RecordEvent.OfficerUpdate(
                string(d, "officerRef", "data.officerRef", true, 1, 64),
                string(d, "text", "data.text", true, 1, 4000));
        case OUTCOME_RECORDED -> {
          String outcome = string(d, "outcome", "data.outcome", true, 1, 200);
          Boolean finalised = bool(d, "finalised", "data.finalised", true);
          yield new RecordEvent.OutcomeRecorded(
              outcome,
              Boolean.TRUE.equals(finalised),
              string(d, "text", "data.text", false, 1, 4000));
        }
        case VICTIM_DETAILS_CHANGED ->
            new RecordEvent.VictimDetailsChanged(
                string(d, "victimRef", "data.victimRef", true, 1, 64),
                email(d, "email", "data.email"),
                mobile(d, "mobile", "data.mobile"),
                language(d, "preferredLanguage", "data.preferredLanguage"),
                bool(d, "optedOut", "data.optedOut", false));
      };
    }

    private RecordEvent.Data crimeRecorded(ObjectNode d) {
      Instant reportedAt = dateTime(d, "reportedAt", "data.reportedAt", true);
      ObjectNode offence = object(d, "offence", "data.offence", true);
      String category = null;
      String description = null;
      String hoCode = null;
      if (offence != null) {
        category = string(offence, "category", "data.offence.category", true, 1, 100);
        description = string(offence, "description", "data.offence.description", false, 1, 4000);
        hoCode = string(offence, "homeOfficeCode", "data.offence.homeOfficeCode", false, 0, 16);
      }
      List<RecordEvent.VictimData> victims = new ArrayList<>();
      JsonNode array = d.get("victims");
      if (array == null) {
        problem("data.victims", "is required");
      } else if (!array.isArray()) {
        problem("data.victims", "must be an array");
      } else if (array.size() < 1 || array.size() > 20) {
        problem("data.victims", "must hold 1 to 20 victims");
      } else {
        Set<String> refs = new java.util.HashSet<>();
        for (int i = 0; i < array.size(); i++) {
          String path = "data.victims[" + i + "]";
          JsonNode v = array.get(i);
          if (!v.isObject()) {
            problem(path, "must be an object");
            continue;
          }
          RecordEvent.VictimData victim = victim((ObjectNode) v, path);
          if (victim.victimRef() != null && !refs.add(victim.victimRef())) {
            problem(path + ".victimRef", "must be unique within the crime");
          }
          victims.add(victim);
        }
      }
      return new RecordEvent.CrimeRecorded(reportedAt, category, description, hoCode, victims);
    }

    private RecordEvent.VictimData victim(ObjectNode v, String path) {
      Set<EnhancedReason> reasons = EnumSet.noneOf(EnhancedReason.class);
      JsonNode r = v.get("enhancedReasons");
      if (r != null) {
        if (!r.isArray()) {
          problem(path + ".enhancedReasons", "must be an array");
        } else {
          for (int i = 0; i < r.size(); i++) {
            JsonNode item = r.get(i);
            try {
              reasons.add(EnhancedReason.valueOf(item.isTextual() ? item.asText() : ""));
            } catch (IllegalArgumentException e) {
              problem(
                  path + ".enhancedReasons[" + i + "]",
                  "must be one of " + List.of(EnhancedReason.values()));
            }
          }
        }
      }
      Integer frequency = null;
      JsonNode f = v.get("updateFrequencyDays");
      if (f != null) {
        if (!f.isIntegralNumber() || f.asLong() < 1 || f.asLong() > 28) {
          problem(path + ".updateFrequencyDays", "must be an integer from 1 to 28");
        } else {
          frequency = f.asInt();
        }
      }
      Language language = language(v, "preferredLanguage", path + ".preferredLanguage");
      Boolean optedOut = bool(v, "optedOut", path + ".optedOut", false);
      Boolean enhanced = bool(v, "enhanced", path + ".enhanced", false);
      return new RecordEvent.VictimData(
          string(v, "victimRef", path + ".victimRef", true, 1, 64),
          string(v, "givenName", path + ".givenName", true, 0, 100),
          string(v, "familyName", path + ".familyName", true, 0, 100),
          email(v, "email", path + ".email"),
          mobile(v, "mobile", path + ".mobile"),
          language == null ? Language.EN : language,
          Boolean.TRUE.equals(optedOut),
          Boolean.TRUE.equals(enhanced),
          reasons,
          frequency);
    }

    private String personRef(ObjectNode d) {
      return string(d, "personRef", "data.personRef", true, 1, 64);
    }

    private void problem(String field, String rule) {
      problems.add(new Problem(field, rule));
    }

    private String string(
        ObjectNode n, String name, String path, boolean required, int min, int max) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          problem(path, "is required");
        } else if (v != null) {
          problem(path, "must be a string, not null");
        }
        return null;
      }
      if (!v.isTextual()) {
        problem(path, "must be a string");
        return null;
      }
      String s = v.asText();
      if (s.isEmpty() && min > 0) {
        problem(path, "is required and must not be empty");
        return null;
      }
      if (s.length() < min || s.length() > max) {
        problem(
            path,
            min == max
                ? "must be " + max + " characters"
                : "must be " + min + "-" + max + " characters");
        return null;
      }
      if (s.chars()
          .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        problem(path, "must not contain control characters");
        return null;
      }
      if (path.equals("crimeReference") && s.chars().anyMatch(Character::isISOControl)) {
        problem(path, "must not contain control characters");
        return null;
      }
      return s;
    }

    private String pattern(ObjectNode n, String name, Pattern p, String rule) {
      String s = string(n, name, name, true, 0, 1000);
      if (s != null && !p.matcher(s).matches()) {
        problem(name, "must be " + rule);
        return null;
      }
      return s;
    }

    private Boolean bool(ObjectNode n, String name, String path, boolean required) {
      JsonNode v = n.get(name);
      if (v == null) {
        if (required) {
          problem(path, "is required");
        }
        return null;
      }
      if (!v.isBoolean()) {
        problem(path, "must be true or false");
        return null;
      }
      return v.asBoolean();
    }

    private ObjectNode object(ObjectNode n, String name, String path, boolean required) {
      JsonNode v = n.get(name);
      if (v == null) {
        if (required) {
          problem(path, "is required");
        }
        return null;
      }
      if (!v.isObject()) {
        problem(path, "must be an object");
        return null;
      }
      return (ObjectNode) v;
    }

    private List<String> strings(
        ObjectNode n, String name, String path, boolean required, int min, int max) {
      JsonNode v = n.get(name);
      if (v == null) {
        if (required) {
          problem(path, "is required");
        }
        return List.of();
      }
      if (!v.isArray()) {
        problem(path, "must be an array of strings");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        String p = path + "[" + i + "]";
        if (!item.isTextual()) {
          problem(p, "must be a string");
        } else if (item.asText().length() < min || item.asText().length() > max) {
          problem(p, "must be " + min + "-" + max + " characters");
        } else if (item.asText().chars().anyMatch(Character::isISOControl)) {
          problem(p, "must not contain control characters");
        } else {
          out.add(item.asText());
        }
      }
      return out;
    }

    private Instant dateTime(ObjectNode n, String name, String path, boolean required) {
      String s = string(n, name, path, required, 1, 64);
      if (s == null) {
        return null;
      }
      if (!DATE_TIME.matcher(s).matches()) {
        problem(path, "must be an RFC 3339 date-time with offset, such as 2026-03-04T10:15:00Z");
        return null;
      }
      try {
        // stores keep microseconds; truncating here makes cached and stored values compare alike
        Instant i = OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS);
        if (i.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
            || i.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
          problem(path, "must be between the years 1900 and 2200");
          return null;
        }
        return i;
      } catch (DateTimeParseException e) {
        problem(path, "is not a real date and time");
        return null;
      }
    }

    private <E extends Enum<E>> E enumValue(
        ObjectNode n, String name, String path, Class<E> type, boolean required) {
      String s = string(n, name, path, required, 1, 64);
      if (s == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, s);
      } catch (IllegalArgumentException e) {
        problem(path, "must be one of " + List.of(type.getEnumConstants()));
        return null;
      }
    }

    private String email(ObjectNode n, String name, String path) {
      String s = string(n, name, path, false, 1, 254);
      if (s == null) {
        return null;
      }
      return ContactDetails.normaliseEmail(s)
          .filter(Emails::isValid)
          .orElseGet(
              () -> {
                problem(path, "not a valid email address");
                return null;
              });
    }

    private String mobile(ObjectNode n, String name, String path) {
      String s = string(n, name, path, false, 5, 32);
      if (s == null) {
        return null;
      }
      return ContactDetails.phoneToE164(s)
          .orElseGet(
              () -> {
                problem(path, "not a UK or E.164 phone number");
                return null;
              });
    }

    private Language language(ObjectNode n, String name, String path) {
      String s = string(n, name, path, false, 2, 2);
      if (s == null) {
        return null;
      }
      if (!s.equals("en") && !s.equals("cy")) {
        problem(path, "must be en or cy");
        return null;
      }
      return Language.ofCode(s);
    }
  }
}
