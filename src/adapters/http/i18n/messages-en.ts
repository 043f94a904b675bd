/** @module The reader site's words in English (ICU MessageFormat); its keys are the catalogue's keys. */

/**
 * Keys are stable ids (group.name); every other language has exactly these keys, arguments and tags.
 * `<tag>…</tag>` marks markup the template supplies (a link, <strong>); `{name}` is an argument.
 */
export const EN_MESSAGES = {
  // The page shell
  'page.title': '{title} | {site}',
  'page.skipLink': 'Skip to content',
  'masthead.searchRegion': 'Site search',
  'masthead.sections': 'Sections',
  'masthead.home': 'Home',
  'masthead.latest': 'Latest',
  'masthead.following': 'Following',
  'masthead.editions': 'Editions',
  'footer.sitemap': 'Sitemap',
  'feed.rss': 'RSS',
  'feed.atom': 'Atom',
  'feed.json': 'JSON Feed',
  'search.field': 'Search stories',
  'search.placeholder': 'Search',
  'search.button': 'Search',

  // Update times ({time} is the ticking relative time or date)
  'time.event': '{event, select, firstPublished {First published {time}} publishedAgain {Published again {time}} corrected {Corrected {time}} other {Updated {time}}}',

  // The article page
  'article.updateBadge': 'Update',
  'article.readIn': 'Read in {edition}',
  'article.shortUrl': 'Short Url',
  'article.copy': 'Copy',
  'article.copied': 'Link copied',
  'article.copyFailed': 'Copy failed: the link is selected, press Ctrl+C to copy it',
  'article.follow': 'Follow',
  'article.following': 'Following',
  'article.highlights': 'Highlights',
  'article.byline': 'By {authors}',
  'article.source': 'Source: {agency}',
  'article.staff': '{site} staff',
  'article.updateNote': '<strong>Update:</strong> {note}',
  'article.corrections': 'Corrections',
  'article.correctionNote': '<strong>Correction</strong> {date}: {note}',
  'article.allCorrections': '{count, plural, one {The correction} other {All # corrections}}',
  'article.whatChanged': 'What changed',
  'article.topics': 'Topics',
  'article.topicsInStory': 'Topics in this story',
  'article.upToDate': 'You are up to date.',
  'article.nextStoryRegion': 'Next story',
  'article.nextStory': 'Next story: {headline}',
  'article.related': 'Related stories',
  'article.followCount': 'Follow {count, plural, one {# topic} other {# topics}}',
  'share.title': 'Share this story',
  'share.button': 'Share…',
  'share.on': 'Share on {network}',
  'share.email': 'E-mail',
  'share.byEmail': 'Share by e-mail',

  // What changed
  'changes.heading': 'What changed in “{headline}”',
  'changes.title': 'What changed: {headline}',
  'changes.description': 'Changes to the story since it was first published.',
  'changes.back': 'Back to the story',
  'changes.none': 'No earlier published version of this story is recorded.',
  'changes.predatesImport': 'This story came to {site} on {date} with its updates already made. Its earlier versions were not brought over, so there are no differences to show.',
  'changes.importedOn': 'Versions from before it came to {site} on {date} were not brought over.',
  'changes.field': '{field, select, headline {Headline} highlights {Highlights} dateline {Dateline} body {Story} lead {Photo caption} other {Text}}',
  'changes.noDifferences': 'No differences in the text.',

  // Home
  'home.heading': '{site}: top stories',
  'home.leadStory': 'Lead story',
  'home.topStories': 'Top stories',
  'home.latest': 'Latest',
  'home.noMore': 'No more stories yet.',
  'home.allLatest': 'All the latest stories',
  'home.empty': 'No stories have been published yet.',

  // Lists: latest, section, topic, author
  'list.followByFeed': 'Follow by feed:',
  'list.empty': 'No stories here yet.',
  'list.pager': 'More stories',
  'list.newer': 'Newest stories',
  'list.older': 'Older stories',
  'owner.latest': 'Latest',
  'owner.latestDescription': 'The latest stories from {site}',
  'owner.section': 'Section',
  'owner.sectionDescription': '{section} news from {site}',
  'owner.topic': 'Topic · {kind, select, person {Person} place {Place} organisation {Organisation} other {Subject}}',
  'owner.topicDescription': 'Stories about {topic} from {site}',
  'owner.author': 'Author',
  'owner.authorDescription': 'Stories by {author}',

  // Search
  'search.heading': 'Search',
  'search.title': 'Search: {query}',
  'search.description': 'Search {site}',
  'search.hint': 'Type words to look for in headlines, highlights and stories. Use "double quotes" for a phrase.',
  'search.problem': '{problem, select, TOO_LONG {That search is too long: use {max, number} characters or fewer.} NO_WORDS {That search has no words in it: use letters or numbers.} other {Type at least one word to search for.}}',
  'search.noMatch': 'No stories match <strong>{query}</strong>. Try fewer or different words.',
  'search.count': '{total, plural, one {# story matches} other {# stories match}} <strong>{query}</strong>, {order, select, newest {newest first} other {best matches first}}.',
  'search.countCapped': 'More than {total, number} stories match <strong>{query}</strong>, {order, select, newest {newest first} other {best matches first}}.',
  'search.pager': 'Result pages',
  'search.previous': 'Previous',
  'search.next': 'Next',
  'search.pageOf': 'Page {page, number} of {count, number}',

  // Following
  'following.heading': 'Following',
  'following.description': 'The latest stories on the topics you follow',
  'following.intro': 'Follow the topics you care about with the <strong>Follow</strong> buttons on stories. The latest stories on those topics show up here. Your choices stay in this browser; no account is needed.',
  'following.noscript': 'This page needs JavaScript to read the topics you follow. Every topic also has its own page and feed.',
  'following.noneLeft': 'None of the topics you followed is on this site any more. Follow topics from any story to see their news here.',
  'following.latest': 'Latest on the topics you follow',
  'following.topics': 'Topics you follow',
  'following.empty': 'No stories on these topics yet.',
  'following.loadFailed': 'The stories of the topics you follow could not be loaded just now. Please reload the page to try again.',

  // Not found, gone, errors
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at <code>{path}</code>. It may have moved, or the link may be mistyped.',
  'notFound.next': '<home>Go to the front page</home> or <search>search the stories</search>.',
  'gone.title': 'Story withdrawn',
  'gone.heading': 'This story has been withdrawn',
  'gone.description': 'This story is no longer available',
  'gone.body': 'The story that was published here is no longer available.',
  'error.title': 'Error',
  'error.problemHeading': 'We could not show this page',
  'error.heading': 'Something went wrong',
  'error.body': 'We could not show this page just now. Please try again in a moment.',
  'error.frontPage': '<home>Go to the front page</home>.',

  // A newsroom preview of a story, most read, corrections
  'preview.banner': 'Preview — not published',
  'preview.bannerPublished': 'Preview — this saved version is not what readers see until it is published',
  'mostRead.heading': 'Most read',
  'corrections.heading': 'Corrections',
  'corrections.intro': 'Every correction {site} has published, newest first, with the story it corrects.',
  'corrections.none': 'No correction has been published.',
  'corrections.older': 'Older corrections',
  'corrections.pages': 'More corrections',
  'footer.corrections': 'Corrections',

  // Live updates (in the browser)
  'live.newStories': '{count, plural, one {# new story} other {# new stories}}',
  'live.show': 'Show',
  'live.dismiss': 'Dismiss',
  'live.thisStory': 'This story',
  'live.namedStory': '“{headline}”',
  'live.unavailable': '{story} is no longer available',
  'live.updated': '{story} has been updated',
  'live.reload': 'Reload',
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
