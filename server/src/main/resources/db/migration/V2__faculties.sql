-- The 18 faculties of medicine and their provinces (DOMAIN.md, "Programs and streams").
-- Dalhousie's province is Nova Scotia; it also serves New Brunswick and PEI.
INSERT INTO faculty (id, name, name_fr, province) VALUES
 ('MUN',      'Memorial University of Newfoundland', 'Université Memorial de Terre-Neuve', 'NL'),
 ('DAL',      'Dalhousie University',                'Université Dalhousie',              'NS'),
 ('MCGILL',   'McGill University',                   'Université McGill',                 'QC'),
 ('LAVAL',    'Université Laval',                    'Université Laval',                  'QC'),
 ('MONTREAL', 'Université de Montréal',              'Université de Montréal',            'QC'),
 ('SHERBROOKE','Université de Sherbrooke',           'Université de Sherbrooke',          'QC'),
 ('MCMASTER', 'McMaster University',                 'Université McMaster',               'ON'),
 ('NOSM',     'NOSM University',                     'Université de l''EMNO',             'ON'),
 ('QUEENS',   'Queen''s University',                 'Université Queen''s',               'ON'),
 ('TMU',      'Toronto Metropolitan University',     'Université métropolitaine de Toronto', 'ON'),
 ('OTTAWA',   'University of Ottawa',                'Université d''Ottawa',              'ON'),
 ('TORONTO',  'University of Toronto',               'Université de Toronto',             'ON'),
 ('WESTERN',  'Western University',                  'Université Western',                'ON'),
 ('MANITOBA', 'University of Manitoba',              'Université du Manitoba',            'MB'),
 ('SASK',     'University of Saskatchewan',          'Université de la Saskatchewan',     'SK'),
 ('ALBERTA',  'University of Alberta',               'Université de l''Alberta',          'AB'),
 ('CALGARY',  'University of Calgary',               'Université de Calgary',             'AB'),
 ('UBC',      'University of British Columbia',      'Université de la Colombie-Britannique', 'BC');
