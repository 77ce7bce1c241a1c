-- What the snapshot holds that some indicators need (an indicator's "vereist" in
-- data/indicators.toml): without it the indicator is not computed, rather than finding nothing
-- (or everything) for the wrong reason.
SELECT (SELECT count(*) > 0 FROM bron WHERE soort = 'rdw') AS rdw,
       (SELECT count(*) > 0 FROM gebied WHERE soort = 'buurt') AS buurt,
       (SELECT count(*) > 0 FROM gebied WHERE soort = 'bedrijventerrein') AS bedrijventerrein
