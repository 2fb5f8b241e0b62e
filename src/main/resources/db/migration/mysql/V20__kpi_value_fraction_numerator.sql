-- kpis.md section 9: on_time_required_rate has a fractional numerator (target x orders - on-time orders).
-- Every counted numerator is a whole number far below 2^53, which a DOUBLE holds exactly.
ALTER TABLE kpi_value MODIFY numerator DOUBLE;
