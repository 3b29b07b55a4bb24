-- gitdm affiliation lines with their login lower-cased for joining to people.
SELECT lower(login) AS login, company, strftime(from_date, '%Y-%m-%d') AS from_date, strftime(until_date, '%Y-%m-%d') AS until_date, source, line
FROM gitdm_affiliations ORDER BY source, line
