"""Word lists the faker providers draw from, written for ormsh (en_US flavoured)."""

FIRST_NAMES_FEMALE = (
    "Abigail", "Ada", "Adriana", "Alice", "Alicia", "Alison", "Amanda", "Amber", "Amelia",
    "Andrea", "Angela", "Anna", "Audrey", "Ava", "Barbara", "Beatrice", "Bethany", "Brenda",
    "Brianna", "Brooke", "Camila", "Carmen", "Carol", "Caroline", "Cassandra", "Chloe",
    "Claire", "Clara", "Cynthia", "Daisy", "Dana", "Danielle", "Deborah", "Denise", "Diana",
    "Dolores", "Donna", "Eleanor", "Elena", "Elizabeth", "Ella", "Emily", "Emma", "Erin",
    "Evelyn", "Faith", "Fiona", "Frances", "Gabriela", "Gloria", "Grace", "Hannah", "Harper",
    "Hazel", "Heather", "Helen", "Irene", "Isabel", "Ivy", "Jacqueline", "Jane", "Janet",
    "Jasmine", "Jennifer", "Jessica", "Joan", "Josephine", "Julia", "Karen", "Katherine",
    "Kayla", "Kimberly", "Laura", "Lauren", "Leah", "Lillian", "Linda", "Lisa", "Lucy",
    "Lydia", "Madison", "Margaret", "Maria", "Marilyn", "Martha", "Megan", "Melissa",
    "Mia", "Michelle", "Miranda", "Molly", "Monica", "Nancy", "Naomi", "Natalie", "Nicole",
    "Nora", "Olivia", "Paige", "Pamela", "Patricia", "Penelope", "Rachel", "Rebecca",
    "Rose", "Ruby", "Ruth", "Samantha", "Sandra", "Sara", "Savannah", "Sharon", "Sofia",
    "Sophie", "Stephanie", "Susan", "Tara", "Teresa", "Tiffany", "Valerie", "Vanessa",
    "Victoria", "Violet", "Vivian", "Wendy", "Zoe",
)

FIRST_NAMES_MALE = (
    "Aaron", "Adam", "Adrian", "Alan", "Albert", "Alexander", "Andrew", "Anthony", "Arthur",
    "Austin", "Benjamin", "Bradley", "Brandon", "Brian", "Bruce", "Caleb", "Carl", "Carlos",
    "Charles", "Christian", "Christopher", "Cody", "Colin", "Connor", "Daniel", "David",
    "Dennis", "Derek", "Diego", "Dominic", "Douglas", "Dylan", "Edward", "Elijah", "Eric",
    "Ethan", "Eugene", "Felix", "Francis", "Frank", "Gabriel", "Gary", "George", "Gerald",
    "Gregory", "Harold", "Henry", "Howard", "Hugo", "Ian", "Isaac", "Jack", "Jacob", "James",
    "Jason", "Jeffrey", "Jeremy", "Joel", "John", "Jonathan", "Jordan", "Jose", "Joseph",
    "Joshua", "Julian", "Justin", "Keith", "Kenneth", "Kevin", "Kyle", "Lawrence", "Leo",
    "Liam", "Logan", "Louis", "Lucas", "Luke", "Marcus", "Mark", "Martin", "Matthew",
    "Max", "Michael", "Miles", "Nathan", "Nicholas", "Noah", "Oliver", "Oscar", "Owen",
    "Patrick", "Paul", "Peter", "Philip", "Raymond", "Richard", "Robert", "Roger", "Ronald",
    "Russell", "Ryan", "Samuel", "Scott", "Sean", "Simon", "Stephen", "Steven", "Theodore",
    "Thomas", "Timothy", "Tyler", "Victor", "Vincent", "Walter", "Wayne", "William",
    "Xavier", "Zachary",
)

LAST_NAMES = (
    "Abbott", "Acosta", "Adams", "Aguilar", "Alexander", "Allen", "Alvarez", "Anderson",
    "Andrews", "Armstrong", "Arnold", "Austin", "Bailey", "Baker", "Barker", "Barnes",
    "Bates", "Bell", "Bennett", "Berry", "Bishop", "Black", "Blake", "Bowen", "Boyd",
    "Bradley", "Brooks", "Brown", "Bryant", "Burke", "Burns", "Butler", "Caldwell",
    "Campbell", "Carlson", "Carpenter", "Carroll", "Carter", "Castillo", "Chambers",
    "Chapman", "Chavez", "Clark", "Cole", "Coleman", "Collins", "Cook", "Cooper", "Cruz",
    "Cunningham", "Curtis", "Daniels", "Davidson", "Davis", "Dawson", "Dean", "Diaz",
    "Dixon", "Douglas", "Duncan", "Dunn", "Edwards", "Elliott", "Ellis", "Evans", "Ferguson",
    "Fernandez", "Fields", "Fisher", "Fleming", "Fletcher", "Flores", "Ford", "Foster",
    "Fox", "Franklin", "Freeman", "Garcia", "Gardner", "Gibson", "Gilbert", "Gomez",
    "Gonzalez", "Gordon", "Graham", "Grant", "Gray", "Green", "Gregory", "Griffin", "Hall",
    "Hamilton", "Hansen", "Harper", "Harris", "Harrison", "Hart", "Hawkins", "Hayes",
    "Henderson", "Hernandez", "Hicks", "Hill", "Holland", "Holmes", "Hopkins", "Howard",
    "Hudson", "Hughes", "Hunt", "Jackson", "Jacobs", "James", "Jenkins", "Johnson",
    "Jones", "Jordan", "Kelly", "Kennedy", "Kim", "King", "Knight", "Lambert", "Lane",
    "Larson", "Lawrence", "Lee", "Lewis", "Lopez", "Lowe", "Marshall", "Martin", "Martinez",
    "Mason", "Matthews", "Meyer", "Miller", "Mills", "Mitchell", "Moore", "Morales",
    "Morgan", "Morris", "Murphy", "Murray", "Myers", "Nelson", "Newman", "Nguyen",
    "Nichols", "Norris", "Olson", "Ortiz", "Owens", "Palmer", "Parker", "Patel",
    "Patterson", "Payne", "Pearson", "Perez", "Perry", "Peters", "Phillips", "Porter",
    "Powell", "Price", "Quinn", "Ramirez", "Ramos", "Reed", "Reyes", "Reynolds", "Rice",
    "Richards", "Riley", "Rivera", "Roberts", "Robinson", "Rodriguez", "Rogers", "Ross",
    "Russell", "Sanchez", "Sanders", "Schmidt", "Scott", "Shaw", "Simmons", "Simpson",
    "Smith", "Snyder", "Spencer", "Stanley", "Stevens", "Stewart", "Stone", "Sullivan",
    "Taylor", "Thomas", "Thompson", "Torres", "Tucker", "Turner", "Wagner", "Walker",
    "Wallace", "Walsh", "Ward", "Warren", "Watson", "Weaver", "Webb", "Wells", "West",
    "Wheeler", "White", "Williams", "Willis", "Wilson", "Wood", "Wright", "Young",
)

PREFIXES_FEMALE = ("Mrs.", "Ms.", "Miss", "Dr.")
PREFIXES_MALE = ("Mr.", "Dr.")
SUFFIXES = ("Jr.", "Sr.", "II", "III", "MD", "PhD", "DDS")

STREET_SUFFIXES = (
    "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Boulevard", "Way",
    "Terrace", "Circle", "Parkway", "Trail", "Square", "Crossing", "Ridge", "Hollow",
    "Meadows", "Park", "Pike", "Row", "Path", "Alley", "Heights", "Gardens", "Loop",
)

STREET_NAMES = (
    "Oak", "Maple", "Cedar", "Pine", "Elm", "Willow", "Birch", "Walnut", "Chestnut",
    "Spruce", "Sycamore", "Magnolia", "Hickory", "Aspen", "Juniper", "Laurel", "Hawthorn",
    "Main", "Church", "Mill", "Market", "Water", "Bridge", "Station", "Harbor", "River",
    "Lake", "Hill", "Valley", "Forest", "Meadow", "Orchard", "Prospect", "Union",
    "Liberty", "Franklin", "Lincoln", "Jefferson", "Madison", "Washington", "Highland",
    "Sunset", "Spring", "Summit", "Park", "Grove", "Ridge", "Fairview", "Garden",
)

SECONDARY_ADDRESS_FORMATS = ("Apt. ###", "Suite ###", "Unit ##", "Floor #")

CITY_PREFIXES = ("North", "South", "East", "West", "New", "Lake", "Port", "Fort", "Mount")
CITY_SUFFIXES = (
    "ville", "town", "ton", "burg", "ford", "field", "port", "view", "haven", "side",
    "mouth", "stad", "land", "berg", "chester", "dale", "wood", "bury", "borough", "shire",
)
CITY_ROOTS = (
    "Ash", "Bright", "Clear", "Copper", "Crystal", "Deer", "Eagle", "Fair", "Falcon",
    "Glen", "Gold", "Green", "Hazel", "Iron", "Kings", "Lin", "Marsh", "Mill", "Oak",
    "Pine", "Red", "Rich", "River", "Rock", "Rose", "Salt", "Silver", "Spring", "Stone",
    "Sun", "Thorn", "Water", "West", "White", "Wind", "Wolf",
)

STATES = (
    ("Alabama", "AL"), ("Alaska", "AK"), ("Arizona", "AZ"), ("Arkansas", "AR"),
    ("California", "CA"), ("Colorado", "CO"), ("Connecticut", "CT"), ("Delaware", "DE"),
    ("Florida", "FL"), ("Georgia", "GA"), ("Hawaii", "HI"), ("Idaho", "ID"),
    ("Illinois", "IL"), ("Indiana", "IN"), ("Iowa", "IA"), ("Kansas", "KS"),
    ("Kentucky", "KY"), ("Louisiana", "LA"), ("Maine", "ME"), ("Maryland", "MD"),
    ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("Mississippi", "MS"),
    ("Missouri", "MO"), ("Montana", "MT"), ("Nebraska", "NE"), ("Nevada", "NV"),
    ("New Hampshire", "NH"), ("New Jersey", "NJ"), ("New Mexico", "NM"), ("New York", "NY"),
    ("North Carolina", "NC"), ("North Dakota", "ND"), ("Ohio", "OH"), ("Oklahoma", "OK"),
    ("Oregon", "OR"), ("Pennsylvania", "PA"), ("Rhode Island", "RI"),
    ("South Carolina", "SC"), ("South Dakota", "SD"), ("Tennessee", "TN"), ("Texas", "TX"),
    ("Utah", "UT"), ("Vermont", "VT"), ("Virginia", "VA"), ("Washington", "WA"),
    ("West Virginia", "WV"), ("Wisconsin", "WI"), ("Wyoming", "WY"),
)

COUNTRIES = (
    "Argentina", "Australia", "Austria", "Bangladesh", "Belgium", "Bolivia", "Brazil",
    "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chile", "China", "Colombia",
    "Costa Rica", "Croatia", "Cuba", "Czech Republic", "Denmark", "Ecuador", "Egypt",
    "Estonia", "Ethiopia", "Fiji", "Finland", "France", "Germany", "Ghana", "Greece",
    "Guatemala", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Ireland",
    "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kenya", "Latvia", "Lebanon",
    "Lithuania", "Luxembourg", "Madagascar", "Malaysia", "Mali", "Malta", "Mexico",
    "Mongolia", "Morocco", "Mozambique", "Nepal", "Netherlands", "New Zealand",
    "Nicaragua", "Nigeria", "Norway", "Pakistan", "Panama", "Paraguay", "Peru",
    "Philippines", "Poland", "Portugal", "Romania", "Rwanda", "Senegal", "Serbia",
    "Singapore", "Slovakia", "Slovenia", "South Africa", "South Korea", "Spain",
    "Sri Lanka", "Sweden", "Switzerland", "Tanzania", "Thailand", "Tunisia", "Turkey",
    "Uganda", "Ukraine", "United Kingdom", "United States of America", "Uruguay",
    "Venezuela", "Vietnam", "Zambia", "Zimbabwe",
)

COUNTRY_CODES = (
    "AR", "AU", "AT", "BE", "BR", "CA", "CL", "CN", "CO", "CZ", "DK", "EG", "FI", "FR",
    "DE", "GR", "HU", "IN", "ID", "IE", "IL", "IT", "JP", "KE", "MX", "NL", "NZ", "NG",
    "NO", "PE", "PH", "PL", "PT", "RO", "SG", "ZA", "KR", "ES", "SE", "CH", "TH", "TR",
    "UA", "GB", "US", "VN",
)

COMPANY_SUFFIXES = ("Inc", "LLC", "Ltd", "Group", "and Sons", "PLC", "Co", "Partners")

JOBS = (
    "Accountant", "Actuary", "Administrator", "Animator", "Architect", "Archivist",
    "Art director", "Auditor", "Baker", "Biologist", "Bookkeeper", "Brand manager",
    "Carpenter", "Chemist", "Chef", "Civil engineer", "Claims adjuster", "Copywriter",
    "Counselor", "Data analyst", "Data scientist", "Database administrator", "Dentist",
    "Designer", "Dietitian", "Economist", "Editor", "Electrician", "Environmental scientist",
    "Event planner", "Financial analyst", "Firefighter", "Florist", "Geologist",
    "Graphic designer", "Historian", "Hotel manager", "HR specialist", "Illustrator",
    "Insurance broker", "Interpreter", "IT consultant", "Journalist", "Lawyer", "Librarian",
    "Logistics coordinator", "Machinist", "Marketing manager", "Mechanic",
    "Mechanical engineer", "Midwife", "Musician", "Network engineer", "Nurse",
    "Occupational therapist", "Optometrist", "Paramedic", "Pharmacist", "Photographer",
    "Physicist", "Physiotherapist", "Pilot", "Plumber", "Product manager", "Professor",
    "Project manager", "Psychologist", "Quality inspector", "Radiographer",
    "Real estate agent", "Research scientist", "Sales representative", "Social worker",
    "Software developer", "Software engineer", "Statistician", "Surveyor",
    "Systems analyst", "Teacher", "Technical writer", "Translator", "Travel agent",
    "Veterinarian", "Web developer", "Welder", "Zoologist",
)

CATCH_PHRASE_ADJECTIVES = (
    "Adaptive", "Automated", "Balanced", "Centralized", "Cloud-based", "Customizable",
    "Decentralized", "Digitized", "Distributed", "Enhanced", "Ergonomic", "Integrated",
    "Intuitive", "Modular", "Optimized", "Proactive", "Robust", "Scalable", "Secure",
    "Streamlined", "Synchronized", "Versatile",
)
CATCH_PHRASE_NOUNS = (
    "analytics", "architecture", "capability", "database", "framework", "hierarchy",
    "infrastructure", "interface", "knowledge base", "middleware", "platform", "portal",
    "process", "protocol", "solution", "strategy", "system", "toolset", "workflow",
)

# Latin-looking filler words for lorem text.
LOREM_WORDS = (
    "ab", "accusamus", "ad", "adipisci", "alias", "aliquam", "aliquid", "amet", "animi",
    "aperiam", "architecto", "asperiores", "aspernatur", "at", "atque", "aut", "autem",
    "beatae", "blanditiis", "commodi", "consectetur", "consequatur", "corporis", "corrupti",
    "culpa", "cum", "cumque", "cupiditate", "debitis", "delectus", "deleniti", "deserunt",
    "dicta", "dignissimos", "distinctio", "dolor", "dolore", "dolorem", "doloremque",
    "dolores", "ducimus", "earum", "eius", "eligendi", "enim", "eos", "error", "esse",
    "est", "et", "eum", "eveniet", "ex", "excepturi", "exercitationem", "expedita",
    "explicabo", "facere", "facilis", "fuga", "fugiat", "fugit", "harum", "hic", "id",
    "illo", "illum", "impedit", "in", "incidunt", "inventore", "ipsa", "ipsam", "ipsum",
    "iste", "itaque", "iure", "iusto", "labore", "laboriosam", "laudantium", "libero",
    "magnam", "magni", "maiores", "maxime", "minima", "minus", "modi", "molestiae",
    "molestias", "mollitia", "nam", "natus", "necessitatibus", "nemo", "neque", "nesciunt",
    "nihil", "nisi", "nobis", "non", "nostrum", "nulla", "numquam", "obcaecati", "odio",
    "odit", "officia", "officiis", "omnis", "optio", "pariatur", "perferendis",
    "perspiciatis", "placeat", "porro", "possimus", "praesentium", "provident", "quae",
    "quaerat", "quam", "quas", "quasi", "qui", "quia", "quibusdam", "quidem", "quis",
    "quisquam", "quo", "quod", "quos", "ratione", "recusandae", "reiciendis", "rem",
    "repellat", "repellendus", "reprehenderit", "repudiandae", "rerum", "saepe", "sapiente",
    "sed", "sequi", "similique", "sint", "sit", "soluta", "sunt", "suscipit", "tempora",
    "tempore", "temporibus", "tenetur", "totam", "ullam", "unde", "ut", "vel", "velit",
    "veniam", "veritatis", "vero", "vitae", "voluptas", "voluptate", "voluptatem",
    "voluptates", "voluptatibus", "voluptatum",
)

COLOR_NAMES = (
    "AliceBlue", "Aqua", "Aquamarine", "Azure", "Beige", "Bisque", "Black", "Blue",
    "BlueViolet", "Brown", "BurlyWood", "CadetBlue", "Chartreuse", "Chocolate", "Coral",
    "CornflowerBlue", "Crimson", "Cyan", "DarkBlue", "DarkCyan", "DarkGreen", "DarkOrange",
    "DarkRed", "DeepPink", "DeepSkyBlue", "DodgerBlue", "FireBrick", "ForestGreen",
    "Fuchsia", "Gold", "GoldenRod", "Gray", "Green", "HotPink", "IndianRed", "Indigo",
    "Ivory", "Khaki", "Lavender", "LawnGreen", "LemonChiffon", "LightBlue", "LightCoral",
    "LightGreen", "LightPink", "Lime", "LimeGreen", "Linen", "Magenta", "Maroon",
    "MediumPurple", "MidnightBlue", "MintCream", "Moccasin", "Navy", "OldLace", "Olive",
    "Orange", "OrangeRed", "Orchid", "PaleGreen", "PeachPuff", "Peru", "Pink", "Plum",
    "PowderBlue", "Purple", "Red", "RosyBrown", "RoyalBlue", "Salmon", "SandyBrown",
    "SeaGreen", "Sienna", "Silver", "SkyBlue", "SlateBlue", "SlateGray", "Snow",
    "SpringGreen", "SteelBlue", "Tan", "Teal", "Thistle", "Tomato", "Turquoise", "Violet",
    "Wheat", "White", "Yellow", "YellowGreen",
)
SAFE_COLOR_NAMES = (
    "black", "maroon", "green", "navy", "olive", "purple", "teal", "lime", "blue", "silver",
    "gray", "yellow", "fuchsia", "aqua", "white",
)

FREE_EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "proton.me",
                      "icloud.com", "mail.com")
SAFE_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
TLDS = ("com", "net", "org", "info", "biz", "io")
URL_PATHS = ("", "blog/", "about/", "category/", "app/", "tags/", "posts/", "main/")

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK",
                  "PLN", "CZK", "HUF", "INR", "CNY", "BRL", "MXN", "ZAR", "SGD", "KRW")
TIMEZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
             "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Asia/Tokyo",
             "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "Africa/Nairobi",
             "America/Sao_Paulo", "Pacific/Auckland", "UTC")
LANGUAGE_CODES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "ja", "zh", "ko", "ru")
FILE_DIRECTORIES = ("home", "var", "tmp", "usr", "opt", "srv", "data", "docs", "media")
